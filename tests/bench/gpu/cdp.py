#!/usr/bin/env python3
"""Tiny Chrome DevTools Protocol driver for GPU frame-time runs (needs aiohttp only).

    cdp.py CHROME URL EXPR [--flags angle-vulkan|vulkan|egl|swiftshader] [--uncap]
           [--out FILE] [--log FILE] [--timeout S] [--extra FLAG ...]

Starts CHROME headless (new mode) at 1920x1080 with the chosen GPU flag set,
opens URL and evaluates the JS expression EXPR (awaiting promises) until it
yields a value that is not null/undefined (so EXPR must not throw before the
page has loaded: use e.g. `window.probe`, not `probe`). Prints and writes one JSON object:
{flags, version, gpu (SystemInfo.getInfo), result, console, elapsed_s}.
"""
import argparse, asyncio, json, os, shutil, subprocess, sys, tempfile, time

import aiohttp

# GPU flag sets. On the H100 device (driver 580.159.04) all three GPU sets gave a hardware WebGL2
# renderer: angle-vulkan/vulkan 'ANGLE (NVIDIA, Vulkan 1.4.312 (NVIDIA NVIDIA H100 80GB HBM3 ...))',
# egl 'ANGLE (NVIDIA Corporation, NVIDIA H100 80GB HBM3/PCIe/SSE2, OpenGL ES 3.2)'. In 'vulkan' the
# Vulkan compositor (features=Vulkan) fails (vkCreateInstance -7) and Chrome falls back to GL
# compositing, so it equals 'angle-vulkan' with an error in the log. No SwiftShader is bundled:
# without a GPU, WebGL is simply unavailable rather than silently measured on the CPU.
FLAGSETS = {
    'vulkan': ['--use-angle=vulkan', '--enable-features=Vulkan', '--ignore-gpu-blocklist',
               '--enable-gpu', '--enable-unsafe-webgpu'],
    'angle-vulkan': ['--use-gl=angle', '--use-angle=vulkan', '--ignore-gpu-blocklist',
                     '--enable-gpu', '--enable-unsafe-webgpu'],
    'egl': ['--use-gl=angle', '--use-angle=gl-egl', '--ignore-gpu-blocklist', '--enable-gpu'],
    'swiftshader': ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'],  # CPU reference
}
COMMON = ['--headless=new', '--no-sandbox', '--window-size=1920,1080', '--force-device-scale-factor=1',
          '--disable-background-networking', '--disable-component-update', '--disable-sync',
          '--disable-extensions', '--disable-default-apps', '--no-first-run',
          '--no-default-browser-check', '--mute-audio', '--hide-scrollbars',
          '--disable-background-timer-throttling', '--disable-renderer-backgrounding',
          '--disable-backgrounding-occluded-windows', '--autoplay-policy=no-user-gesture-required']
# rAF no longer tied to 60 Hz. Beware: then rAF intervals (~0.2 ms on the H100) measure nothing,
# as Chrome does not wait for the GPU; time forced renders (gl.finish/readPixels) instead.
UNCAP = ['--disable-frame-rate-limit', '--disable-gpu-vsync']


class CDP:
    """One browser-level websocket; page commands go through a flattened session."""

    def __init__(self, ws):
        self.ws, self.n, self.pending, self.events = ws, 0, {}, []
        self.reader = asyncio.ensure_future(self._read())

    async def _read(self):
        async for msg in self.ws:
            m = json.loads(msg.data)
            if 'id' in m and m['id'] in self.pending:
                self.pending.pop(m['id']).set_result(m)
            elif m.get('method') in ('Runtime.consoleAPICalled', 'Runtime.exceptionThrown'):
                self.events.append(m)
                del self.events[:-50]  # keep the last 50

    async def send(self, method, params=None, session=None, timeout=30):
        self.n += 1
        msg = {'id': self.n, 'method': method, 'params': params or {}}
        if session:
            msg['sessionId'] = session
        fut = self.pending[self.n] = asyncio.get_running_loop().create_future()
        await self.ws.send_str(json.dumps(msg))
        m = await asyncio.wait_for(fut, timeout)
        if 'error' in m:
            raise RuntimeError(f"{method}: {m['error']}")
        return m['result']


def console_lines(events):
    out = []
    for e in events:
        p = e['params']
        if e['method'] == 'Runtime.exceptionThrown':
            d = p['exceptionDetails']
            out.append('EXCEPTION ' + (d.get('exception', {}).get('description') or d.get('text', '')))
        else:
            out.append(p['type'] + ' ' + ' '.join(str(a.get('value', a.get('description', ''))) for a in p['args']))
    return out


async def main(a):
    flags = COMMON + FLAGSETS[a.flags] + (UNCAP if a.uncap else []) + a.extra
    prof = tempfile.mkdtemp(prefix='cdp-')
    log = open(a.log or os.devnull, 'w')
    proc = subprocess.Popen([a.chrome, *flags, f'--user-data-dir={prof}', '--remote-debugging-port=0',
                             'about:blank'], stdout=log, stderr=subprocess.STDOUT)
    t0, out = time.time(), {'flags': flags, 'url': a.url, 'expr': a.expr}
    try:
        port_file = os.path.join(prof, 'DevToolsActivePort')  # written by Chrome: port \n path
        while not os.path.exists(port_file) or len(open(port_file).read().split()) < 2:
            if proc.poll() is not None or time.time() - t0 > 30:
                raise RuntimeError(f'chrome did not start (exit {proc.poll()})')
            await asyncio.sleep(0.1)
        port, path = open(port_file).read().split()[:2]
        async with aiohttp.ClientSession() as http, \
                http.ws_connect(f'ws://127.0.0.1:{port}{path}', max_msg_size=0) as ws:
            cdp = CDP(ws)
            out['version'] = (await cdp.send('Browser.getVersion'))['product']
            tid = (await cdp.send('Target.createTarget', {'url': 'about:blank'}))['targetId']
            sid = (await cdp.send('Target.attachToTarget', {'targetId': tid, 'flatten': True}))['sessionId']
            await cdp.send('Runtime.enable', session=sid)
            # --window-size leaves a shorter viewport in new headless (1920x993): pin it to 1920x1080
            await cdp.send('Emulation.setDeviceMetricsOverride', {'width': 1920, 'height': 1080,
                           'deviceScaleFactor': 1, 'mobile': False}, session=sid)
            await cdp.send('Page.navigate', {'url': a.url}, session=sid)
            try:
                while True:  # poll EXPR until it has a value (a Promise is awaited)
                    left = a.timeout - (time.time() - t0)
                    if left <= 0:
                        raise TimeoutError(f'no value from expression after {a.timeout}s')
                    r = await cdp.send('Runtime.evaluate', {'expression': a.expr, 'awaitPromise': True,
                                                            'returnByValue': True}, session=sid, timeout=left)
                    if 'exceptionDetails' in r:  # a throw or a rejected Promise ends the run
                        d = r['exceptionDetails']
                        raise RuntimeError('expression threw: ' + (d.get('exception', {}).get('description') or d['text']))
                    if r['result'].get('value') is not None:
                        out['result'] = r['result']['value']
                        break
                    await asyncio.sleep(0.25)
            finally:  # also on failure: the GPU process's view (devices, GL strings, features) and console
                out['console'] = console_lines(cdp.events)
                g = (await cdp.send('SystemInfo.getInfo'))['gpu']
                out['gpu'] = {'devices': g['devices'], 'featureStatus': g['featureStatus'],
                              'aux': {k: g['auxAttributes'].get(k) for k in
                                      ('glRenderer', 'glVendor', 'glVersion', 'glImplementationParts',
                                       'displayType', 'softwareRendering', 'hardwareSupportsVulkan')}}
                cdp.reader.cancel()
    except Exception as e:  # report, not crash: the JSON still says what happened
        out['error'] = f'{type(e).__name__}: {e}'
    finally:
        out['elapsed_s'] = round(time.time() - t0, 2)
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(prof, ignore_errors=True)
    text = json.dumps(out, indent=1)
    print(text)
    if a.out:
        open(a.out, 'w').write(text + '\n')
    return 1 if 'error' in out else 0


if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('chrome'); p.add_argument('url'); p.add_argument('expr')
    p.add_argument('--flags', default='angle-vulkan', choices=FLAGSETS)
    p.add_argument('--uncap', action='store_true', help='unlock rAF from 60 Hz: ' + ' '.join(UNCAP))
    p.add_argument('--out'); p.add_argument('--log', help='file for Chrome stdout/stderr')
    p.add_argument('--timeout', type=float, default=120)
    p.add_argument('--extra', action='append', default=[], help='one more Chrome flag (repeatable)')
    sys.exit(asyncio.run(main(p.parse_args())))
