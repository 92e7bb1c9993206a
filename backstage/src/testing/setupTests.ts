import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// The machines that run these tests are often busy: waits allow for it (a passing wait returns at once).
configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(30_000);
