import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Body1 } from '@fluentui/react-components';
import type { DescribedRequest } from '../../graph/describe-requests';
import { CodeBlock } from '../../ui/code-block';

/** Renders the requests as HTTP-like text: method, URL, headers, then the JSON body. */
export function formatRequests(graphHost: string, requests: readonly DescribedRequest[]): string {
  return requests
    .map((r) =>
      [
        `${r.method} ${graphHost}${r.url}`,
        ...Object.entries(r.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
        ...(r.body === undefined ? [] : [JSON.stringify(r.body, null, 2)]),
        ...(r.binary === undefined ? [] : [r.binary]),
      ].join('\n'),
    )
    .join('\n\n');
}

interface RequestListProps {
  readonly graphHost: string;
  readonly requests: readonly DescribedRequest[];
}

/** Exactly what will be sent to Microsoft Graph, for admins who want to check before anything is created. */
export function RequestList({ graphHost, requests }: RequestListProps) {
  return (
    <Accordion collapsible>
      <AccordionItem value="requests">
        <AccordionHeader>
          The {requests.length} requests the wizard will send to Microsoft Graph
        </AccordionHeader>
        <AccordionPanel>
          <Body1>
            Values in braces, such as {'{applicationId}'}, are filled in from earlier answers. The client
            secret is created by Microsoft and shown to you once.
          </Body1>
          <CodeBlock label="Requests to Microsoft Graph" code={formatRequests(graphHost, requests)} />
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
