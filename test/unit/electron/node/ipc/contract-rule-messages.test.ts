import { describe, expect, it } from 'vitest';
import { createContractDispatcher, type ContractHandlers } from '../../../../../electron/node/ipc/contract-dispatch';
import { channels } from '../../../../../shared/contract/channels';
import { recordingLogger } from '../../../../fakes/recording.logger';

// Only the two channels under test answer; the request schema refuses before any handler runs.
const notCalled = () => {
  throw new Error('the handler must not run for a refused request');
};
const contract = { 'profiles.addRole': channels['profiles.addRole'], 'profiles.addUser': channels['profiles.addUser'] };
const handlers: ContractHandlers<typeof contract, undefined> = { 'profiles.addRole': notCalled, 'profiles.addUser': notCalled };

describe('the IPC contract refuses AWS input with the same words as the forms and the CLI', () => {
  const dispatch = createContractDispatcher(contract, handlers, recordingLogger().logger);

  it('names the field and what is wrong with its value', async () => {
    const result = await dispatch('profiles.addRole', { name: 'acme', source: 'me', roleArn: 'arn:aws:iam::12345678901:role/Deploy', externalId: 'test id', durationSeconds: 99999 }, undefined);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INVALID_REQUEST',
        message:
          'Invalid request for profiles.addRole: roleArn: The account ID has 11 digits; it needs 12; externalId: A space is not allowed (letters, digits and + = , . @ : / _ - only); durationSeconds: The duration is 99,999 seconds; a role session lasts at most 43,200 seconds (12 hours)',
        // The first refused field, for a form to mark and focus.
        field: 'roleArn',
      },
    });
  });

  it('never repeats a secret access key it refuses', async () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKE';
    const result = await dispatch('profiles.addUser', { name: 'me', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: secret }, undefined);
    expect(result).toMatchObject({ ok: false, error: { message: 'Invalid request for profiles.addUser: secretAccessKey: The secret access key has 39 characters; it needs 40 (letters, digits and / + =)' } });
  });
});
