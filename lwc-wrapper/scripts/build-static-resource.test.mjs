// Tests for build-static-resource.mjs (run with `node --test scripts/ host/`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { BuildError, buildStaticResource, findDistFiles, transformGlue } from './build-static-resource.mjs';

// The shape wasm-bindgen 0.2.130 emits for --target no-modules (trimmed).
const GLUE_CURRENT = `let wasm_bindgen = (function(exports) {
    let script_src;
    if (typeof document !== 'undefined' && document.currentScript !== null) {
        script_src = new URL(document.currentScript.src, location.href).toString();
    }

    function mount(element, context) {
        return { element, context, unmount() {}, free() {} };
    }
    exports.mount = mount;

    function __wbg_get_imports() {
        const import0 = {
            __proto__: null,
            __wbg_location_0123456789abcdef: function(arg0) {
                const ret = arg0.location;
                return ret;
            },
        };
        return { __proto__: null, "./alcmeon_widget_bg.js": import0 };
    }

    let wasm;
    async function __wbg_init(module_or_path) {
        if (wasm !== undefined) return wasm;
        if (module_or_path !== undefined) {
            if (Object.getPrototypeOf(module_or_path) === Object.prototype) {
                ({module_or_path} = module_or_path)
            }
        }
        if (module_or_path === undefined && script_src !== undefined) {
            module_or_path = script_src.replace(/\\.js$/, "_bg.wasm");
        }
        wasm = { loadedFrom: module_or_path, imports: __wbg_get_imports() };
        return wasm;
    }

    function initSync(module) { return module; }

    return Object.assign(__wbg_init, { initSync }, exports);
})({ __proto__: null });
`;

// The older shape: a declared global assigned from inside an IIFE.
const GLUE_OLDER = `let wasm_bindgen;
(function() {
    const __exports = {};
    let script_src;
    if (typeof document !== 'undefined' && document.currentScript !== null) {
        script_src = new URL(document.currentScript.src, location.href).toString();
    }
    let wasm = undefined;

    function mount(element, context) {
        return { element, context, unmount() {}, free() {} };
    }
    __exports.mount = mount;

    async function __wbg_init(module_or_path) {
        if (wasm !== undefined) return wasm;
        if (typeof module_or_path !== 'undefined' && Object.getPrototypeOf(module_or_path) === Object.prototype) {
            ({module_or_path} = module_or_path)
        }
        if (typeof module_or_path === 'undefined' && typeof script_src !== 'undefined') {
            module_or_path = script_src.replace(/\\.js$/, '_bg.wasm');
        }
        wasm = { loadedFrom: module_or_path };
        return wasm;
    }

    wasm_bindgen = Object.assign(__wbg_init, { initSync: () => {} }, __exports);

})();
`;

// An even older one, with an if/else around script_src.
const GLUE_IF_ELSE = GLUE_OLDER.replace(
    `if (typeof document !== 'undefined' && document.currentScript !== null) {
        script_src = new URL(document.currentScript.src, location.href).toString();
    }`,
    `if (typeof document === 'undefined') {
        script_src = location.href;
    } else {
        script_src = new URL(document.currentScript.src, location.href).toString();
    }`
);

/**
 * Runs a script the way LWS runs loadScript's classic scripts: `location` is undefined and reading
 * document.currentScript throws. Returns the sandbox's window.
 */
function runLikeLightning(code) {
    const document = {};
    Object.defineProperty(document, 'currentScript', {
        get() {
            throw new Error('document.currentScript was read');
        }
    });
    const window = {};
    const sandbox = { window, document, location: undefined, URL, console };
    vm.createContext(sandbox);
    vm.runInContext(code, sandbox, { filename: 'alcmeon_widget.js' });
    return { window, sandbox };
}

for (const [shape, glue] of [
    ['wasm-bindgen 0.2.130 (function(exports) {...})', GLUE_CURRENT],
    ['older let wasm_bindgen; (function() {...})()', GLUE_OLDER],
    ['older if/else script_src', GLUE_IF_ELSE]
]) {
    test(`glue of shape "${shape}" loads without location and publishes window.alcmeonWidget`, async () => {
        assert.throws(() => runLikeLightning(glue), /currentScript was read|location/);

        const out = transformGlue(glue);
        assert.doesNotMatch(out, /document\.currentScript/);
        assert.doesNotMatch(out, /new URL\(/);

        const { window, sandbox } = runLikeLightning(out);
        assert.equal(typeof window.alcmeonWidget, 'function');
        assert.equal(typeof window.alcmeonWidget.mount, 'function');
        assert.equal(sandbox.wasm_bindgen, undefined, 'wasm_bindgen stays out of the global scope');

        // The options object must come from the glue's own realm (as in the browser), hence runInContext.
        const options = vm.runInContext(`({ module_or_path: '/resource/1/alcmeonWidget/alcmeon_widget_bg.wasm' })`, sandbox);
        const wasm = await window.alcmeonWidget(options);
        assert.equal(wasm.loadedFrom, '/resource/1/alcmeonWidget/alcmeon_widget_bg.wasm');
        const handle = window.alcmeonWidget.mount('el', { conversationId: 1001 });
        assert.equal(handle.context.conversationId, 1001);
    });
}

test('loading the transformed glue twice keeps the first instance', () => {
    const out = transformGlue(GLUE_CURRENT);
    const { window, sandbox } = runLikeLightning(out);
    const first = window.alcmeonWidget;
    vm.runInContext(out, sandbox);
    assert.equal(window.alcmeonWidget, first);
});

test('the transformed glue also works as a plain browser script', () => {
    const out = transformGlue(GLUE_CURRENT);
    const window = {};
    const sandbox = {
        window,
        document: { currentScript: { src: 'http://x/alcmeon_widget.js' } },
        location: { href: 'http://x/' }
    };
    vm.createContext(sandbox);
    vm.runInContext(out, sandbox);
    assert.equal(typeof window.alcmeonWidget, 'function');
});

test('ES module glue (--target web) is refused with a hint', () => {
    const esm = `let wasm;\nexport function mount() {}\nasync function __wbg_init(m) { new URL('x_bg.wasm', import.meta.url); }\nexport default __wbg_init;\n`;
    assert.throws(() => transformGlue(esm), (error) => error instanceof BuildError && /no-modules/.test(error.message));
});

test('a changed script_src block fails loudly instead of emitting a broken file', () => {
    const changed = GLUE_CURRENT.replace(
        'script_src = new URL(document.currentScript.src, location.href).toString();',
        'script_src = document.currentScript.src;'
    );
    assert.throws(() => transformGlue(changed), /still reads document\.currentScript \(line 3\)/);
});

test('a stray top-level read of location fails loudly', () => {
    const stray = GLUE_CURRENT.replace('let wasm;', 'let wasm; const here = location.origin;');
    assert.throws(() => transformGlue(stray), /still reads the global location/);
});

test('glue without wasm_bindgen, without mount, or already transformed is refused', () => {
    assert.throws(() => transformGlue('console.log("hi")'), /no top-level `let wasm_bindgen`/);
    assert.throws(() => transformGlue(GLUE_CURRENT.replace('exports.mount = mount;', '')), /exports no `mount`/);
    assert.throws(() => transformGlue(transformGlue(GLUE_CURRENT)), /already transformed/);
    assert.throws(() => transformGlue(''), /empty/);
});

const WASM_BYTES = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

function tempDir(t) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alcmeon-resource-'));
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    return dir;
}

test('builds the resource from Trunk output named after the crate (dash spelling)', (t) => {
    const dist = tempDir(t);
    const out = path.join(tempDir(t), 'alcmeonWidget');
    fs.writeFileSync(path.join(dist, 'alcmeon-widget.js'), GLUE_CURRENT);
    fs.writeFileSync(path.join(dist, 'alcmeon-widget_bg.wasm'), WASM_BYTES);
    fs.writeFileSync(path.join(dist, 'widget.css'), '.alcmeon-thread { color: #181818; }\n');
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html>');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'stale.js'), 'old');

    const result = buildStaticResource(dist, { outDir: out });

    assert.deepEqual(fs.readdirSync(out).sort(), ['alcmeon_widget.js', 'alcmeon_widget_bg.wasm', 'widget.css']);
    assert.deepEqual(fs.readFileSync(path.join(out, 'alcmeon_widget_bg.wasm')), WASM_BYTES);
    assert.match(fs.readFileSync(path.join(out, 'alcmeon_widget.js'), 'utf8'), /root\.alcmeonWidget = wasm_bindgen/);
    assert.equal(result.totalBytes, result.files.reduce((sum, f) => sum + f.bytes, 0));
    assert.equal(result.missingCss, false);
});

test('ships every locale Trunk copied except English, which is built into the widget', (t) => {
    const dist = tempDir(t);
    const out = path.join(tempDir(t), 'alcmeonWidget');
    fs.writeFileSync(path.join(dist, 'alcmeon-widget.js'), GLUE_CURRENT);
    fs.writeFileSync(path.join(dist, 'alcmeon-widget_bg.wasm'), WASM_BYTES);
    for (const [tag, text] of [['en', 'send = Send\n'], ['fr', 'send = Envoyer\n'], ['pt-BR', 'send = Enviar\n']]) {
        fs.mkdirSync(path.join(dist, 'locales', tag), { recursive: true });
        fs.writeFileSync(path.join(dist, 'locales', tag, 'widget.ftl'), text);
    }

    const result = buildStaticResource(dist, { outDir: out });

    assert.deepEqual(fs.readdirSync(path.join(out, 'locales')).sort(), ['fr.ftl', 'pt-BR.ftl']);
    assert.equal(fs.readFileSync(path.join(out, 'locales', 'fr.ftl'), 'utf8'), 'send = Envoyer\n');
    assert.ok(result.files.some((file) => file.name === 'locales/pt-BR.ftl'));
});

test('accepts the underscore spelling and hashed names, and a missing stylesheet', (t) => {
    const dist = tempDir(t);
    const out = path.join(tempDir(t), 'alcmeonWidget');
    fs.writeFileSync(path.join(dist, 'alcmeon_widget-1a2b3c4d5e6f7a8b.js'), GLUE_OLDER);
    fs.writeFileSync(path.join(dist, 'alcmeon_widget-1a2b3c4d5e6f7a8b_bg.wasm'), WASM_BYTES);

    const result = buildStaticResource(dist, { outDir: out });

    assert.deepEqual(fs.readdirSync(out).sort(), ['alcmeon_widget.js', 'alcmeon_widget_bg.wasm']);
    assert.equal(result.missingCss, true);
});

test('refuses missing or ambiguous inputs, a non-wasm file, and an oversized resource', (t) => {
    const dist = tempDir(t);
    const out = path.join(tempDir(t), 'alcmeonWidget');
    assert.throws(() => findDistFiles(path.join(dist, 'nope')), /cannot read the Trunk dist directory/);
    assert.throws(() => findDistFiles(dist), /no widget glue/);

    fs.writeFileSync(path.join(dist, 'alcmeon-widget.js'), GLUE_CURRENT);
    fs.writeFileSync(path.join(dist, 'alcmeon-widget_bg.wasm'), Buffer.from('not wasm'));
    assert.throws(() => buildStaticResource(dist, { outDir: out }), /not a WebAssembly module/);

    fs.writeFileSync(path.join(dist, 'alcmeon-widget_bg.wasm'), Buffer.concat([WASM_BYTES, Buffer.alloc(2048)]));
    assert.throws(() => buildStaticResource(dist, { outDir: out, maxBytes: 1024 }), /over the 1024-byte limit/);
    assert.equal(fs.existsSync(out), false, 'nothing is written when the build fails');

    fs.writeFileSync(path.join(dist, 'alcmeon_widget.js'), GLUE_CURRENT);
    assert.throws(() => findDistFiles(dist), /several widget glue .* files in .*alcmeon-widget.js, alcmeon_widget.js/);
});

test('the command line prints the total size and exits non-zero on failure', async (t) => {
    const { spawnSync } = await import('node:child_process');
    const script = new URL('./build-static-resource.mjs', import.meta.url).pathname;
    const dist = tempDir(t);
    const out = path.join(tempDir(t), 'alcmeonWidget');
    fs.writeFileSync(path.join(dist, 'alcmeon-widget.js'), GLUE_CURRENT);
    fs.writeFileSync(path.join(dist, 'alcmeon-widget_bg.wasm'), WASM_BYTES);

    const ok = spawnSync(process.execPath, [script, dist, out], { encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /static resource alcmeonWidget: \d+ bytes in 2 files/);

    const bad = spawnSync(process.execPath, [script, path.join(dist, 'missing'), out], { encoding: 'utf8' });
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /build-static-resource: cannot read the Trunk dist directory/);

    const usage = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    assert.equal(usage.status, 2);
});
