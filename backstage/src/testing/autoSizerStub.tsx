import type { ReactNode } from 'react';

/** jsdom lays nothing out, so LogViewer's AutoSizer would give it no room: tests give it a fixed size. */
export default function AutoSizer(props: { children: (size: { width: number; height: number }) => ReactNode }) {
  return <>{props.children({ width: 800, height: 400 })}</>;
}
