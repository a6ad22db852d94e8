import { useCallback, useState } from 'react';
import type { TemplateProblem, TemplateSummary } from '../../../../shared/domain/deploy-template';
import { planTemplateUpload, S3_TEMPLATE_MAX_BYTES } from '../../../../shared/logic/cloudformation-template-size';
import { messageOf } from '../../../../shared/logic/error-message';
import { getApi } from '../../api';

/** The template the form is built from: its text stays here until it is sent to be deployed. */
export type PickedTemplate =
  | { state: 'none' }
  | { state: 'reading'; name: string }
  | { state: 'ready'; name: string; text: string; summary: TemplateSummary }
  | { state: 'refused'; name: string; problem: Pick<TemplateProblem, 'message' | 'line' | 'column'> };

/**
 * Reads a template file with the File API (the page has no file system) and has the main side
 * analyse it (the YAML parser stays out of the renderer). A file over 1 MB is refused here,
 * before it is read: CloudFormation would refuse it even from S3.
 */
export function useTemplate(): { template: PickedTemplate; pick: (file: File) => Promise<void>; clear: () => void } {
  const [template, setTemplate] = useState<PickedTemplate>({ state: 'none' });

  const pick = useCallback(async (file: File) => {
    const { name } = file;
    const plan = planTemplateUpload(file.size);
    if (plan.kind === 'too-large' || file.size > S3_TEMPLATE_MAX_BYTES) {
      setTemplate({ state: 'refused', name, problem: { message: plan.kind === 'too-large' ? plan.message : 'The template is over 1 MB.' } });
      return;
    }
    setTemplate({ state: 'reading', name });
    try {
      const text = await file.text();
      const analysis = await getApi().deploy.analyze({ text });
      setTemplate(analysis.ok ? { state: 'ready', name, text, summary: analysis.summary } : { state: 'refused', name, problem: analysis.problem });
    } catch (error) {
      setTemplate({ state: 'refused', name, problem: { message: `Roledeck could not read ${name}: ${messageOf(error)}` } });
    }
  }, []);

  const clear = useCallback(() => setTemplate({ state: 'none' }), []);
  return { template, pick, clear };
}
