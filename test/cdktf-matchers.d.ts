// Brings cdktf's jest matcher declarations (toHaveResource...) into the type-checked program;
// test/setup.ts registers them at runtime.
import type {} from 'cdktf/lib/testing/adapters/jest';
