// Parses every Apex class and trigger under force-app with @apexdevtools/apex-parser (a pure-JS parser of
// Salesforce's Apex grammar): a syntax check without an org. Types and semantics are only checked
// by a deploy to an org.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';

const classesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../force-app/main/default/classes');

export function apexSyntaxErrors(source, unit = 'compilationUnit') {
    const errors = [];
    class Collect extends ApexErrorListener {
        apexSyntaxError(line, column, message) {
            errors.push(`${line}:${column} ${message}`);
        }
    }
    const { parser } = ApexParserFactory.createLexerAndParser(source, new Collect());
    parser[unit]();
    return errors;
}

test('the syntax check catches a missing semicolon', () => {
    assert.deepEqual(apexSyntaxErrors('public class X { void f() { Integer a = 1 } }'), ["1:42 missing ';' at '}'"]);
});

const classes = fs.readdirSync(classesDir).filter((name) => name.endsWith('.cls'));

test('there are Apex classes to check, each with its meta file', () => {
    assert.ok(classes.length >= 2);
    for (const name of classes) {
        assert.ok(fs.existsSync(path.join(classesDir, `${name}-meta.xml`)), `${name}-meta.xml`);
    }
});

for (const name of classes) {
    test(`Apex class ${name} parses`, () => {
        assert.deepEqual(apexSyntaxErrors(fs.readFileSync(path.join(classesDir, name), 'utf8')), []);
    });
}

const triggersDir = path.resolve(classesDir, '../triggers');
const triggers = fs.readdirSync(triggersDir).filter((name) => name.endsWith('.trigger'));

test('the syntax check catches a trigger without its events', () => {
    assert.notDeepEqual(apexSyntaxErrors('trigger T on Account { }', 'triggerUnit'), []);
});

for (const name of triggers) {
    test(`Apex trigger ${name} parses, with its meta file`, () => {
        assert.ok(fs.existsSync(path.join(triggersDir, `${name}-meta.xml`)), `${name}-meta.xml`);
        assert.deepEqual(apexSyntaxErrors(fs.readFileSync(path.join(triggersDir, name), 'utf8'), 'triggerUnit'), []);
    });
}
