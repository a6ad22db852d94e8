import { describe, expect, it } from 'vitest';
import { createServices } from '../../../../../electron/node/app/services';
import { fakePorts } from '../../../../fakes/ports';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

function setup(awsProfiles: NonNullable<NonNullable<Parameters<typeof fakePorts>[0]>['awsProfiles']>) {
  const fakes = fakePorts({ awsProfiles });
  const services = createServices(fakes.ports);
  return { ...fakes, profiles: services.profiles, importer: services.awsImport };
}

describe('AwsImportService', () => {
  it('previews an import without secrets and applies it with keys moved only when asked', async () => {
    const { profiles, importer, secrets } = setup({
      default: { aws_access_key_id: 'AKIAIOSFODNN7EXAMPLE', aws_secret_access_key: SECRET, region: 'eu-west-1' },
      acme: { role_arn: 'arn:aws:iam::123456789012:role/ExampleRoleName', source_profile: 'default', external_id: 'test-id-5678' },
      sso: { sso_session: 'corp', sso_account_id: '123456789012', sso_role_name: 'Admin' },
    });
    const withoutKeys = await importer.previewImport(false);
    expect(withoutKeys.create).toEqual([]);
    expect(JSON.stringify(withoutKeys)).not.toContain(SECRET);

    const preview = await importer.previewImport(true);
    expect(preview.create.map((entry) => entry.name)).toEqual(['default', 'acme']);
    expect(preview.skipped.map((entry) => entry.name)).toContain('sso');
    expect(JSON.stringify(preview)).not.toContain(SECRET);

    const result = await importer.applyImport(true);
    expect(result.created).toEqual(['default', 'acme']);
    const acme = await profiles.show('acme');
    expect(acme).toMatchObject({ kind: 'role', externalId: 'test-id-5678', chain: ['default', 'acme'] });
    expect(secrets.items.size).toBe(1);
  });

  it('records each imported profile in the history, and no secret', async () => {
    const { importer, store } = setup({
      default: { aws_access_key_id: 'AKIAIOSFODNN7EXAMPLE', aws_secret_access_key: SECRET },
      acme: { role_arn: 'arn:aws:iam::123456789012:role/ExampleRoleName', source_profile: 'default' },
    });
    await importer.applyImport(true);
    const ids = store.document.profiles.map((profile) => profile.id);
    expect(store.document.history.map((entry) => [entry.action, entry.profileId])).toEqual(ids.map((id) => ['import', id]));
    expect(JSON.stringify(store.document)).not.toContain(SECRET);
  });
});
