import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startParseWorker } from '../../components/library/parse-worker';

// The library page's file reader, run as a dedicated worker (`/parse-worker.js`). An unlisted script rather than
// Vite's `new Worker(new URL(…))`, so it is built with the extension's own Vite plugins (no eval, as Mozilla asks).
export default defineUnlistedScript(() => startParseWorker());
