/**
 * The errors WebKit logs while it loads a page: uncaught errors (console source "javascript") and
 * Content-Security-Policy violations (source "security"). The driven MiniBrowser cannot tell them:
 * WebKitWebDriver has neither WebDriver BiDi nor a log endpoint, MiniBrowser writes no console in
 * automation mode, and its Web Inspector server is the one WebKitWebDriver drives it through. So a
 * MiniBrowser of its own loads the page with its Web Inspector served (WEBKIT_INSPECTOR_HTTP_SERVER),
 * and this reads the console over the inspector's protocol, JSON messages on a WebSocket:
 * Console.enable replays what the page has logged, and a reply to Runtime.evaluate arrives after
 * every message sent before it. (`--exit-after-load` with the console on stderr loses messages
 * still in flight when the load ends.)
 */
import { spawn } from 'node:child_process';

type Message = { id?: number; method?: string; params?: Record<string, any>; result?: Record<string, any> };

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

export async function webkitConsoleErrors({ browser, url, display, port, scratch }: { browser: string; url: string; display: string; port: number; scratch: string }): Promise<string[]> {
  const child = spawn(browser, [url], {
    stdio: 'ignore',
    env: { ...process.env, DISPLAY: display, WEBKIT_INSPECTOR_HTTP_SERVER: `127.0.0.1:${port}`, XDG_CACHE_HOME: scratch, XDG_DATA_HOME: scratch },
  });
  const end = Date.now() + 60_000;
  const ws: { socket?: WebSocket } = {};
  try {
    // The inspector's front page lists its targets, each with the path of its socket.
    let socket: string | undefined;
    while (!socket) {
      if (Date.now() > end || child.exitCode !== null) throw new Error(`MiniBrowser served no Web Inspector on port ${port}`);
      const listing = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.text(), () => '');
      socket = listing.match(/\/socket\/\d+\/\d+\/WebPage/)?.[0];
      if (!socket) await pause(100);
    }
    const errors: string[] = [];
    const replies = new Map<number, (m: Message) => void>();
    let target = '';
    let next = 1;
    const connection = new WebSocket(`ws://127.0.0.1:${port}${socket}`);
    ws.socket = connection;
    const send = (method: string, params = {}): Promise<Message> => {
      const id = next++;
      const message = JSON.stringify({ id, method, params });
      connection.send(JSON.stringify({ id, method: 'Target.sendMessageToTarget', params: { targetId: target, message } }));
      return new Promise((done) => replies.set(id, done));
    };
    const ready = new Promise<void>((done, fail) => {
      connection.onerror = () => fail(new Error(`could not open ${connection.url}`));
      connection.onmessage = (event) => {
        const outer = JSON.parse(String(event.data)) as Message;
        if (outer.method === 'Target.targetCreated' || outer.method === 'Target.didCommitProvisionalTarget') {
          target = outer.params!['targetInfo']?.targetId ?? outer.params!['newTargetId'];
          void send('Console.enable');
          done();
        } else if (outer.method === 'Target.dispatchMessageFromTarget') {
          const inner = JSON.parse(outer.params!['message']) as Message;
          if (inner.id !== undefined) replies.get(inner.id)?.(inner);
          const m = inner.method === 'Console.messageAdded' ? inner.params!['message'] : undefined;
          if (m?.level === 'error' && (m.source === 'javascript' || m.source === 'security')) {
            errors.push(`${m.source === 'security' ? 'CSP' : 'page error'}: ${m.text} (${m.url}:${m.line})`);
          }
        }
      };
    });
    await ready;
    // Loaded: the page at `url` says its readyState is complete; the reply comes after every
    // message the page logged before it.
    for (;;) {
      if (Date.now() > end) throw new Error(`MiniBrowser did not finish loading ${url}`);
      const reply = await send('Runtime.evaluate', { expression: `location.href === ${JSON.stringify(url)} && document.readyState` });
      if (reply.result?.['result']?.value === 'complete') break;
      await pause(100);
    }
    return errors;
  } finally {
    ws.socket?.close();
    child.kill('SIGTERM');
  }
}
