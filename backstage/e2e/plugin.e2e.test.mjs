// End to end: the plugin's development app, served with a Backstage-style proxy in front of the gateway on its
// sandbox (service mode: the proxy adds the API key), opened in headless Chromium. The entity page shows the
// sandbox's pipelines, live over Server-Sent Events through the proxy; a run started from the page appears and turns
// green without a reload. A screenshot is kept as target/backstage-plugin.png.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { DEV_DIST, buildDevApp } from '../dev/build.mjs';
import { startBackstageStandIn } from './server.mjs';

const REPOSITORY_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TARGET = join(REPOSITORY_ROOT, 'target');
// The one place that says where the runnable sandbox jar is (`./mvnw package` leaves it); GATEWAY_JAR overrides.
const GATEWAY_JAR_PATTERN = /^pipelines-gateway-.*-sandbox\.jar$/;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const API_KEY = 'pgk_backstage_e2e_only_for_the_sandbox';
const SCREENSHOT = join(TARGET, 'backstage-plugin.png');

function gatewayJar() {
  if (process.env.GATEWAY_JAR) {
    return process.env.GATEWAY_JAR;
  }
  const jars = existsSync(TARGET) ? readdirSync(TARGET).filter(name => GATEWAY_JAR_PATTERN.test(name)) : [];
  assert.ok(jars.length > 0, `No ${GATEWAY_JAR_PATTERN} under ${TARGET}: run ./mvnw -B -DskipTests package first.`);
  return join(TARGET, jars.sort()[0]);
}

function freePort() {
  return new Promise(resolve => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(url, gateway, seconds) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    assert.equal(gateway.exitCode, null, 'The gateway stopped while starting.');
    try {
      if ((await fetch(`${url}/actuator/health/readiness`)).ok) {
        return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  assert.fail(`The gateway was not ready within ${seconds} s.`);
}

const browserMissing = !existsSync(CHROMIUM);
if (browserMissing && process.env.GATEWAY_REQUIRE_BROWSER === '1') {
  throw new Error(`${CHROMIUM} is missing and GATEWAY_REQUIRE_BROWSER=1 requires it (apt-get install chromium).`);
}

let gateway;
let gatewayLog = '';
let standIn;
let context;
let userDataDir;

before(async () => {
  if (browserMissing) {
    return;
  }
  const port = await freePort();
  const env = { ...process.env };
  delete env.REDIS_URL; // One process: in-process cache and events.
  gateway = spawn(
    'java',
    [
      '-jar', gatewayJar(),
      '--spring.profiles.active=sandbox',
      `--server.port=${port}`,
      '--gateway.sandbox.step-seconds=2',
      '--gateway.security.mode=service',
      '--gateway.security.api-keys[0].name=backstage',
      `--gateway.security.api-keys[0].sha256=${createHash('sha256').update(API_KEY).digest('hex')}`,
      '--gateway.security.api-keys[0].grants[0]=acme:write',
      '--gateway.workspaces[0].slug=acme',
      '--gateway.workspaces[0].token=sandbox-workspace-token',
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  gateway.stdout.on('data', chunk => (gatewayLog = (gatewayLog + chunk).slice(-20_000)));
  gateway.stderr.on('data', chunk => (gatewayLog = (gatewayLog + chunk).slice(-20_000)));
  const gatewayUrl = `http://127.0.0.1:${port}`;
  await Promise.all([waitUntilReady(gatewayUrl, gateway, 240), buildDevApp()]);
  standIn = await startBackstageStandIn({ dist: DEV_DIST, gatewayUrl, apiKey: API_KEY });
  userDataDir = mkdtempSync(join(tmpdir(), 'backstage-e2e-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 1500 },
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
  });
});

after(async () => {
  await context?.close();
  await standIn?.close();
  gateway?.kill();
  if (userDataDir) {
    rmSync(userDataDir, { recursive: true, force: true });
  }
});

test('the entity page shows the sandbox pipelines live, and a run started from it turns green without a reload', { skip: browserMissing && `${CHROMIUM} is missing` }, async () => {
  const page = context.pages()[0] ?? (await context.newPage());
  let loads = 0; // Documents loaded: the app's routing changes none, a reload would.
  page.on('load', () => loads++);
  const failures = [];
  page.on('pageerror', error => failures.push(String(error)));

  try {
    // The development app signs in as a guest first; with no auth backend here, Backstage asks to fall back to its
    // legacy guest token, which the test accepts.
    page.on('dialog', dialog => dialog.accept());
    await page.goto(`${standIn.url}/pipelines`);
    await page.getByRole('button', { name: 'Enter' }).click({ timeout: 60_000 });
    const rows = page.locator('[data-testid^="pipeline-"]');
    await rows.first().waitFor({ timeout: 60_000 });
    const listed = await rows.evaluateAll(all => all.map(row => Number(row.dataset.testid.slice('pipeline-'.length))));
    assert.ok(listed.length >= 3, `the sandbox's pipelines of acme/web-app are listed: ${listed}`);
    await page.getByTestId('live-indicator').filter({ hasText: 'Live' }).first().waitFor({ timeout: 30_000 });

    const loadsBeforeTheRun = loads;
    await page.getByRole('button', { name: 'Run pipeline' }).click({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const newest = Math.max(...listed) + 1;
    const run = page.getByTestId(`pipeline-${newest}`);
    await run.waitFor({ timeout: 30_000 });
    await page.waitForSelector(`[data-testid="pipeline-${newest}"][data-status="SUCCESSFUL"]`, { timeout: 120_000 });

    await run.getByRole('button', { name: 'Details' }).click();
    await page.getByTestId('pipeline-details').waitFor();
    await page.getByTestId('step-log').getByText(/\S/).first().waitFor({ timeout: 30_000 });

    assert.equal(loads, loadsBeforeTheRun, 'the page was not reloaded while the run went green');
    assert.deepEqual(failures, [], 'the page threw no error');
    const browserSentKey = standIn.proxied.filter(call => 'x-api-key' in call.headers);
    assert.equal(browserSentKey.length, 0, 'the browser never sent the API key: the proxy added it');
    assert.ok(
      standIn.proxied.some(call => String(call.headers.accept).includes('text/event-stream')),
      'the status subscription went through the proxy as Server-Sent Events',
    );
  } finally {
    mkdirSync(TARGET, { recursive: true });
    // The picture is of the plugin: the development app's sidebar, drawn open over the page here, is left out.
    await page.addStyleTag({ content: 'nav[aria-label="sidebar nav"] { display: none !important; }' }).catch(() => undefined);
    await page.screenshot({ path: SCREENSHOT });
    if (process.exitCode) {
      console.error(gatewayLog);
    }
  }
});
