/** A Roledeck with fake ports for deploy tests: a scripted CloudFormation, S3 in memory, scripted STS, a clock that polls move. */
import { createServices } from '../../../../../electron/node/app/services';
import type { EventName, EventPayloadOf } from '../../../../../shared/contract';
import type { DeployRequest } from '../../../../../shared/domain/deploy-flow';
import { FakeCloudFormation } from '../../../../fakes/fake.cloudformation-gateway';
import { FakeScheduler } from '../../../../fakes/fake.scheduler';
import { MemoryS3Gateway } from '../../../../fakes/memory.s3-gateway';
import { FakeClock, fakePorts } from '../../../../fakes/ports';
import { ScriptedStsGateway } from '../../../../fakes/scripted.sts-gateway';

export const QUEUE_TEMPLATE = `Description: A queue for tests
Parameters:
  Env:
    Type: String
    AllowedValues: [dev, prod]
  Password:
    Type: String
    NoEcho: true
    Default: changeme
Resources:
  Queue:
    Type: AWS::SQS::Queue
Outputs:
  QueueUrl:
    Value: !Ref Queue
`;

export function deployWorld() {
  const clock = new FakeClock();
  const scheduler = new FakeScheduler(clock);
  const sts = new ScriptedStsGateway(clock);
  const cloudformation = new FakeCloudFormation();
  const s3 = new MemoryS3Gateway(clock);
  /** Every pause between polls, in ms: the poll policy as the watcher applied it. */
  const pauses: number[] = [];
  const pause = async (ms: number) => {
    pauses.push(ms);
    clock.advance(ms);
  };
  const fakes = fakePorts({ clock, scheduler, sts, cloudformation, s3, pause });
  const services = createServices(fakes.ports);
  const events: Array<{ event: EventName; payload: unknown }> = [];
  services.events.connect({ emit: (event, payload) => events.push({ event, payload }) });

  async function addProfiles(options: { production?: boolean } = {}) {
    await services.profiles.addUser({ name: 'consultant', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' });
    return services.profiles.addRole({
      name: 'acme-test',
      source: 'consultant',
      accountId: '222222222222',
      roleName: 'Deployer',
      region: 'eu-west-1',
      label: 'Acme',
      ...(options.production ? { production: true } : {}),
    });
  }

  function request(profileId: string, overrides: Partial<DeployRequest> = {}): DeployRequest {
    return {
      profileId,
      template: { text: QUEUE_TEMPLATE, source: '/home/me/queue.yaml' },
      stackName: 'acme-queue',
      parameters: [{ key: 'Env', value: 'dev' }],
      tags: [{ key: 'team', value: 'web' }],
      capabilities: [],
      ...overrides,
    };
  }

  return {
    ...fakes,
    clock,
    sts,
    cloudformation,
    s3,
    pauses,
    services,
    deploy: services.deploy,
    events,
    addProfiles,
    request,
    eventsNamed: <E extends EventName>(name: E) => events.filter((entry) => entry.event === name).map((entry) => entry.payload as EventPayloadOf<E>),
  };
}
