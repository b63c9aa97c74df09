import { describe, expect, it } from 'vitest';
import en from '../../resources/locales/en/cli.json' with { type: 'json' };
import zh from '../../resources/locales/zh-CN/cli.json' with { type: 'json' };
import { isCallName } from '../../shared/contract/calls';
import { cliCommands, findCommand } from '../../electron/cli/commands/index';

/** The text of a `cli:` locale key in one language's file, or undefined. */
function textOf(locale: Record<string, unknown>, key: string): unknown {
  return key
    .replace(/^cli:/, '')
    .split('.')
    .reduce<unknown>((node, part) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), locale);
}

describe('the command table', () => {
  it('names each command once, and finds each by its name', () => {
    const names = cliCommands.map((command) => command.name);
    expect(new Set(names).size).toBe(names.length);
    for (const command of cliCommands) expect(findCommand(command.name)).toBe(command);
    expect(findCommand('frobnicate')).toBeUndefined();
  });

  it('has every command either go through the dispatcher with calls of the contract, or say why it is direct', () => {
    for (const command of cliCommands) {
      if (command.calls !== undefined) {
        expect(command.direct, command.name).toBeUndefined();
        expect(command.calls.length, command.name).toBeGreaterThan(0);
        for (const call of command.calls) expect(isCallName(call), `${command.name}: ${call}`).toBe(true);
      } else {
        expect(typeof command.direct, command.name).toBe('string');
        expect(command.direct?.trim().length ?? 0, command.name).toBeGreaterThan(10);
      }
    }
  });

  it('sends what staff can also do on screen through the dispatcher', () => {
    const dispatched = cliCommands.filter((command) => command.calls !== undefined).map((command) => command.name);
    expect(dispatched).toEqual(
      expect.arrayContaining(['init', 'register', 'stats', 'audit-verify', 'verify-document', 'export-public-key', 'receipt-printer', 'province-key', 'export', 'import-ack', 'restore']),
    );
  });

  it('has the help lines of every command in Chinese and English, each starting with the command', () => {
    for (const command of cliCommands) {
      for (const locale of [zh, en]) {
        const text = textOf(locale, command.usage);
        expect(typeof text, `${command.name}: ${command.usage}`).toBe('string');
        expect((text as string).startsWith(`  ${command.name} `), command.name).toBe(true);
      }
    }
    expect(Object.keys(zh.commandUsage).sort()).toEqual(Object.keys(en.commandUsage).sort());
    expect(Object.keys(en.commandUsage)).toHaveLength(cliCommands.length);
  });
});
