/** The preview page's stylesheet (served as /preview.css under the page's own CSP). */
export const PAGE_CSS = `
:root { --ink: #1b2130; --muted: #6b7386; --line: #e1e4ea; --bg: #eceef2; --bar: #141a26; --accent: #2f6fde; --ok: #1f9d61; --warn: #c98a12; --bad: #d23c3c; font-family: Inter, system-ui, -apple-system, 'Segoe UI', sans-serif; color: var(--ink); }
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { display: flex; flex-direction: column; background: var(--bg); }
.bar { display: flex; align-items: center; gap: 18px; padding: 10px 18px; background: var(--bar); color: #e9edf5; font-size: 13px; }
.brand { font-weight: 700; letter-spacing: 0.01em; }
.brand .muted { color: #8d97ab; font-weight: 500; margin-left: 2px; }
.week { font-variant-numeric: tabular-nums; color: #c8d0de; }
.week b { color: #fff; }
.status { display: flex; align-items: center; gap: 8px; padding: 4px 10px; border-radius: 999px; background: rgba(255,255,255,0.07); }
.status .dot { width: 8px; height: 8px; border-radius: 50%; background: var(--ok); }
.status[data-status=building] .dot { background: var(--accent); animation: pulse 0.9s ease-in-out infinite; }
.status[data-status=error] .dot { background: var(--bad); }
.status[data-status=offline] .dot { background: #8d97ab; }
@keyframes pulse { 50% { opacity: 0.25; } }
.actions { margin-left: auto; display: flex; align-items: center; gap: 10px; }
.actions a { color: #cfe0ff; text-decoration: none; padding: 4px 8px; border: 1px solid rgba(207,224,255,0.35); border-radius: 6px; }
.actions a:hover { background: rgba(207,224,255,0.12); }
.actions .older { color: #8d97ab; font-size: 12px; }
button { font: inherit; font-weight: 600; color: #fff; background: var(--accent); border: 0; border-radius: 6px; padding: 6px 14px; cursor: pointer; }
button:disabled { opacity: 0.6; cursor: progress; }
.panel { margin: 12px 18px 0; border-radius: 8px; background: #fff; border: 1px solid var(--line); font-size: 13px; }
.panel h2 { margin: 0; padding: 10px 14px; font-size: 13px; }
.panel ul { margin: 0; padding: 0 14px 10px; list-style: none; max-height: 32vh; overflow: auto; }
.panel li { padding: 6px 0; border-top: 1px solid var(--line); }
.problems { border-color: #f0b9b9; box-shadow: 0 2px 10px rgba(210,60,60,0.12); }
.problems h2 { color: var(--bad); }
.marks { border-color: #ecd49a; }
.marks summary { padding: 10px 14px; cursor: pointer; color: #8a5c00; font-weight: 600; }
.where { font-family: ui-monospace, 'SFMono-Regular', Menlo, monospace; font-size: 12px; color: var(--ink); }
.path { font-family: ui-monospace, 'SFMono-Regular', Menlo, monospace; font-size: 12px; color: var(--accent); margin-left: 8px; }
.detail { color: var(--muted); margin-top: 2px; }
.detail b { color: var(--ink); font-weight: 600; }
main { flex: 1; display: grid; grid-template-columns: repeat(var(--columns, 2), minmax(0, 1fr)); gap: 14px; padding: 12px 18px 18px; min-height: 0; }
.pane { display: flex; flex-direction: column; min-height: 0; }
.pane h3 { margin: 0 0 6px; font-size: 12px; font-weight: 600; color: var(--muted); letter-spacing: 0.04em; }
.frames { position: relative; flex: 1; min-height: 0; border-radius: 8px; overflow: hidden; background: #d8dbe2; }
.frames iframe { position: absolute; inset: 0; width: 100%; height: 100%; border: 0; background: #d8dbe2; }
.frames iframe.incoming { visibility: hidden; }
body.failed .frames { outline: 2px solid rgba(210,60,60,0.35); }
.empty { display: grid; place-items: center; height: 100%; color: var(--muted); font-size: 13px; }
`;
