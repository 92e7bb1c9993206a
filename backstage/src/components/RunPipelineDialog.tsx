import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { RunPipelineMutation } from '../api/documents';
import { pipelinesGatewayApiRef } from '../api/PipelinesGatewayApi';
import type { RepositoryRef } from '../annotations';
import type { PipelineRowFragment } from '../gql/graphql';
import { GatewayErrorPanel } from './GatewayErrorPanel';

type Variable = { key: string; value: string; secured: boolean };

/**
 * Runs a branch's pipeline, or a custom pipeline (`pipelines.custom.<name>`) on the branch with variables. What
 * Bitbucket refuses comes back in `userErrors` and is shown here; the dialog closes once the run exists.
 */
export function RunPipelineDialog(props: {
  repository: RepositoryRef;
  defaultBranch: string;
  onClose(): void;
  onStarted(pipeline: PipelineRowFragment): void;
}) {
  const api = useApi(pipelinesGatewayApiRef);
  const [branch, setBranch] = useState(props.defaultBranch);
  const [custom, setCustom] = useState('');
  const [variables, setVariables] = useState<Variable[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const [error, setError] = useState<Error | undefined>();
  const [sending, setSending] = useState(false);

  const setVariable = (index: number, change: Partial<Variable>) =>
    setVariables(all => all.map((variable, i) => (i === index ? { ...variable, ...change } : variable)));

  const run = () => {
    setSending(true);
    setError(undefined);
    setProblems([]);
    api
      .request(RunPipelineMutation, {
        input: {
          workspace: props.repository.workspace,
          repository: props.repository.repository,
          target: {
            ref: {
              refType: 'BRANCH',
              refName: branch.trim(),
              selector: custom.trim() === '' ? undefined : { type: 'CUSTOM', pattern: custom.trim() },
            },
          },
          variables: variables.filter(variable => variable.key.trim() !== '').map(variable => ({
            key: variable.key.trim(),
            value: variable.value,
            secured: variable.secured,
          })),
        },
      })
      .then(
        answer => {
          setSending(false);
          const payload = answer.runPipeline;
          if (payload?.pipeline) {
            props.onStarted(payload.pipeline);
          } else {
            setProblems(payload?.userErrors.map(problem => problem.message) ?? ['Nothing was run.']);
          }
        },
        failure => {
          setSending(false);
          setError(failure);
        },
      );
  };

  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="sm">
      <DialogTitle>
        Run a pipeline of {props.repository.workspace}/{props.repository.repository}
      </DialogTitle>
      <DialogContent>
        <TextField id="run-branch" label="Branch" fullWidth margin="dense" value={branch} onChange={e => setBranch(e.target.value)} />
        <TextField
          id="run-custom"
          label="Custom pipeline (optional)"
          helperText="A name under pipelines.custom in bitbucket-pipelines.yml; empty runs the branch's pipeline."
          fullWidth
          margin="dense"
          value={custom}
          onChange={e => setCustom(e.target.value)}
        />
        {variables.map((variable, index) => (
          <div key={index} style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
            <TextField
              id={`run-variable-${index}-key`}
              label={`Variable ${index + 1} name`}
              margin="dense"
              value={variable.key}
              onChange={e => setVariable(index, { key: e.target.value })}
            />
            <TextField
              id={`run-variable-${index}-value`}
              label={`Variable ${index + 1} value`}
              margin="dense"
              type={variable.secured ? 'password' : 'text'}
              value={variable.value}
              onChange={e => setVariable(index, { value: e.target.value })}
            />
            <FormControlLabel
              label="Secured"
              control={
                <Checkbox checked={variable.secured} onChange={e => setVariable(index, { secured: e.target.checked })} />
              }
            />
          </div>
        ))}
        <Button size="small" onClick={() => setVariables(all => [...all, { key: '', value: '', secured: false }])}>
          Add variable
        </Button>
        {problems.map(problem => (
          <Typography key={problem} color="error" variant="body2">
            {problem}
          </Typography>
        ))}
        {error && <GatewayErrorPanel error={error} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button color="primary" variant="contained" disabled={sending || branch.trim() === ''} onClick={run}>
          Run
        </Button>
      </DialogActions>
    </Dialog>
  );
}
