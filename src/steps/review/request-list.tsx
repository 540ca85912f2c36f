import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Body1 } from '@fluentui/react-components';
import { formatRequests, type DescribedRequest } from '../../graph/describe-requests';
import { CodeBlock } from '../../ui/code-block';

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
