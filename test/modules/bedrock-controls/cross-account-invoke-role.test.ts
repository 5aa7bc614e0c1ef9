import { Testing } from 'cdktf';
import { IamRole } from '../../../src/modules/aws';
import { CrossAccountInvokeRole } from '../../../src/modules/bedrock-controls/cross-account-invoke-role';

const json = Testing.synthScope((scope) => {
  new CrossAccountInvokeRole(scope, 'r', {
    name: 'acme-bedrock-invoke-sandbox',
    operationsAccountId: '666666666666',
    callerRoleArns: ['arn:aws:iam::555555555555:role/Lab'],
    externalId: 'ext',
    organizationId: 'o-exampleorg1',
    regions: ['us-east-1'],
    models: ['anthropic.claude-3-5-sonnet-20240620-v1:0'],
    actions: ['bedrock:InvokeModel'],
  });
});
const one = (type: string): any => Object.values(JSON.parse(json).resource[type])[0];

describe('CrossAccountInvokeRole', () => {
  it('is assumable only by the named role, with external ID and organization', () => {
    expect(json).toHaveResourceWithProperties(IamRole, { name: 'acme-bedrock-invoke-sandbox', max_session_duration: 3600 });
    expect(JSON.parse(one('aws_iam_role').assume_role_policy).Statement).toEqual([
      expect.objectContaining({
        Principal: { AWS: ['arn:aws:iam::555555555555:role/Lab'] },
        Condition: { StringEquals: { 'sts:ExternalId': 'ext', 'aws:PrincipalOrgID': 'o-exampleorg1' } },
      }),
    ]);
  });

  it('may invoke only the listed model in the listed region', () => {
    const policy = JSON.parse(one('aws_iam_role_policy').policy);
    expect(policy.Statement[0]).toMatchObject({
      Effect: 'Allow',
      Action: ['bedrock:InvokeModel'],
      Resource: ['arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0'],
    });
    expect(policy.Statement[1]).toMatchObject({ Effect: 'Deny', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1'] } } });
  });
});
