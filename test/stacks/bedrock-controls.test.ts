/** Where the Bedrock controls land: which stack, which account, and what each stack publishes. */
import { synthesize } from '../support/synth';
import { controlsTopology } from '../fixtures/bedrock-controls-topology';
import { baseTopology } from '../fixtures/base-topology';
import { readPolicy } from '../support/policy';

const out = synthesize(controlsTopology());
const types = (stack: string) => Object.keys(out.stacks[stack].resource ?? {}).sort();

describe('Bedrock controls in the stacks', () => {
  it('adds an operations stack only when the topology asks for cross-account access', () => {
    expect(Object.keys(out.stacks)).toContain('operations');
    expect(Object.keys(synthesize(baseTopology()).stacks)).not.toContain('operations');
  });

  it('builds controls in a workload account that has no spokes', () => {
    expect(types('workload-gamma')).toEqual(expect.arrayContaining(['aws_vpc', 'aws_vpc_endpoint', 'aws_iam_role', 'aws_s3_bucket', 'aws_kms_key']));
    expect(out.stacks['workload-gamma'].data?.terraform_remote_state).toBeUndefined();
  });

  it('the customization VPC is flow-logged like every other VPC', () => {
    const logs = Object.keys(out.stacks['workload-gamma'].resource.aws_flow_log ?? {});
    expect(logs.filter((id) => id.startsWith('bedrock-controls_customization_vpc'))).toHaveLength(1);
  });

  it('puts logging and guardrails in the workload account itself, none in network or operations', () => {
    expect(types('workload-alpha')).toEqual(
      expect.arrayContaining(['aws_bedrock_model_invocation_logging_configuration', 'aws_bedrock_guardrail', 'aws_bedrock_guardrail_version', 'aws_iam_policy']),
    );
    expect(out.stacks['workload-alpha'].provider.aws[0].allowed_account_ids).toEqual(['200000000001']);
    for (const stack of ['network', 'operations', 'workload-beta']) {
      expect(types(stack)).not.toContain('aws_bedrock_model_invocation_logging_configuration');
      expect(types(stack)).not.toContain('aws_bedrock_guardrail');
    }
  });

  it('operations stack: one role per customer account, in the operations account, published as an output', () => {
    const ops = out.stacks.operations;
    expect(ops.provider.aws[0].allowed_account_ids).toEqual(['300000000001']);
    expect(Object.values(ops.resource.aws_iam_role).map((r: any) => r.name)).toEqual(['corp-bedrock-invoke-beta']);
    expect(Object.keys(ops.output)).toEqual(['bedrock_invoke_role_arns']);
    const policy = JSON.parse((Object.values(ops.resource.aws_iam_role_policy)[0] as any).policy);
    expect(policy.Statement[0].Resource).toEqual([
      'arn:aws:bedrock:eu-central-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0',
      'arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0',
    ]);
  });

  it('network stack publishes one guard policy per segment naming that segment Bedrock endpoints only', () => {
    const output = out.stacks.network.output.bedrock_segment_guard_policies;
    expect(Object.keys(output.value)).toEqual(['nonprod', 'prod']);
    const prod = readPolicy(output.value.prod);
    const ids: string[] = prod.Statement[0].Condition.StringNotEquals['aws:SourceVpce'];
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^\$\{aws_vpc_endpoint\.hub_set-prod_endpoint-bedrock[a-z-]*_[0-9A-F]+\.id\}$/);
  });

  it('network stack has no guard policy output unless asked', () => {
    expect(synthesize(baseTopology()).stacks.network.output.bedrock_segment_guard_policies).toBeUndefined();
  });
});
