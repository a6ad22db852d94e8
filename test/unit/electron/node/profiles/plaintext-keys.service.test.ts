import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../../../../electron/node/app/services';
import { CLI_NOT_FOUND } from '../../../../../electron/node/aws-files/cli-launcher';
import { createPlaintextKeys } from '../../../../../electron/node/profiles/profiles.factory';
import { createShared } from '../../../../../electron/node/app/composition';
import { fakePorts } from '../../../../fakes/ports';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

describe('PlaintextKeysService', () => {
  it('removes nothing while the credential_process line could not run (the CLI is not on PATH)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roledeck-plaintext-unit-'));
    const files = { config: path.join(dir, 'config'), credentials: path.join(dir, 'credentials') };
    const credentials = `[consultant]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${SECRET}\n`;
    writeFileSync(files.credentials, credentials);
    const fakes = fakePorts({ awsProfiles: { consultant: { aws_access_key_id: 'AKIAIOSFODNN7EXAMPLE', aws_secret_access_key: SECRET } } });
    fakes.ports.awsFiles = { read: async () => ({ profiles: { consultant: {} }, files }) };
    const { profiles } = createServices(fakes.ports);
    await profiles.addUser({ name: 'consultant', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET });
    const service = createPlaintextKeys(fakes.ports, createShared(fakes.ports), { profiles }, { cliLauncher: async () => ({ command: ['roledeck'], found: false }) });

    const preview = await service.preview();
    expect(preview.ready.map((entry) => entry.awsProfile)).toEqual(['consultant']);
    expect(preview.warning).toBe(CLI_NOT_FOUND);
    await expect(service.remove(['consultant'])).rejects.toThrow(/not on your PATH.*Until then the keys stay/s);
    expect(readFileSync(files.credentials, 'utf8')).toBe(credentials);
  });
});
