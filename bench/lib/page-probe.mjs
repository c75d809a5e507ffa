// What the bench installs in every page it opens, before any page script runs (Playwright's
// addInitScript): timestamps on the page's own clock (performance.now(), 0 = navigation start).
//
// - `mounted`: the first element matching `rootSelector` is in the DOM;
// - `newestInDom`: an element matching `messageSelector` whose text contains `newest` is in the
//   DOM; `painted`: the first animation frame after that has run and its task ended (a message
//   posted from requestAnimationFrame: after the frame's style, layout and paint were queued);
// - `wasmCompiled`: a WebAssembly.instantiate*/compile* promise resolved (the glue's compile and
//   instantiation); the instances' exported memories are kept to read their size;
// - `frames`: requestAnimationFrame deltas between start and stop (scrolling);
// - `keystrokes`: for each keydown, from the event's timeStamp to the end of the next frame.
//
// The DOM is watched with the browser's own MutationObserver and querySelectorAll, saved before
// @lwc/synthetic-shadow patches them (its versions hide a shadow tree from the document), and
// every native shadow root is watched as it is attached. Same code for every page measured.
export function pageProbe({ newest, rootSelector, messageSelector }) {
  const NativeObserver = window.MutationObserver;
  const observe = NativeObserver.prototype.observe;
  const documentQueryAll = Document.prototype.querySelectorAll;
  const fragmentQueryAll = DocumentFragment.prototype.querySelectorAll;
  const textOf = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent').get;
  const listen = EventTarget.prototype.addEventListener;
  const raf = window.requestAnimationFrame.bind(window);
  const now = () => performance.now();
  const marks = {};
  const roots = [document];
  const frames = { running: false, last: 0, deltas: [] };
  const keystrokes = [];
  const wasmMemories = [];

  // After the next frame: rAF runs before the frame's rendering; a message posted from it is
  // handled once that frame's work (style, layout, paint) has left the main thread.
  const afterNextFrame = (callback) =>
    raf(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => callback(now());
      channel.port2.postMessage(0);
    });

  const queryAll = (selector) => roots.flatMap((root) => [...(root === document ? documentQueryAll : fragmentQueryAll).call(root, selector)]);

  const check = () => {
    if (marks.mounted === undefined && queryAll(rootSelector).length > 0) marks.mounted = now();
    if (marks.newestInDom !== undefined || !newest) return;
    const messages = queryAll(messageSelector);
    for (let i = messages.length - 1; i >= 0; i -= 1) {
      if (textOf.call(messages[i]).includes(newest)) {
        marks.newestInDom = now();
        afterNextFrame((at) => (marks.painted = at));
        return;
      }
    }
  };
  const observer = new NativeObserver(check);
  const watch = (root) => observe.call(observer, root, { childList: true, subtree: true, characterData: true });
  watch(document);

  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (...args) {
    const root = attachShadow.apply(this, args);
    roots.push(root);
    watch(root);
    return root;
  };

  const timed = (name) => {
    const original = WebAssembly[name];
    if (typeof original !== 'function') return;
    WebAssembly[name] = function (...args) {
      return original.apply(this, args).then((result) => {
        marks.wasmCompiled ??= now();
        const memory = (result.instance ?? result).exports?.memory;
        if (memory instanceof WebAssembly.Memory) wasmMemories.push(memory);
        return result;
      });
    };
  };
  if (typeof WebAssembly === 'object') ['instantiateStreaming', 'instantiate', 'compileStreaming', 'compile'].forEach(timed);

  const onFrame = (at) => {
    if (!frames.running) return;
    if (frames.last) frames.deltas.push(at - frames.last);
    frames.last = at;
    raf(onFrame);
  };

  listen.call(
    document,
    'keydown',
    (event) => {
      const typed = event.timeStamp;
      afterNextFrame((at) => keystrokes.push(at - typed));
    },
    true,
  );

  Object.defineProperty(window, 'benchProbe', {
    value: Object.freeze({
      marks: () => ({ ...marks }),
      startFrames() {
        Object.assign(frames, { running: true, last: 0, deltas: [] });
        raf(onFrame);
      },
      stopFrames() {
        frames.running = false;
        return frames.deltas.slice();
      },
      keystrokes: () => keystrokes.slice(),
      wasmMemoryBytes: () => (wasmMemories.length ? wasmMemories.reduce((sum, memory) => sum + memory.buffer.byteLength, 0) : undefined),
    }),
  });
}
