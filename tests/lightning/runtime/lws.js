// Lightning Web Security, loaded before the platform when the page runs with lws=on: the
// open-source library behind LWS (@locker/sandbox), exposing the two calls Lightning's AMD loader
// makes for each namespaced module.
import { evaluateFunction, wrapDependency } from '@locker/sandbox';

Object.defineProperty(window, 'lightningWebSecurity', { value: Object.freeze({ evaluateFunction, wrapDependency }) });
