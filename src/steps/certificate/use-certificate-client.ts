import { useEffect, useRef } from 'react';
import { createCertificateClient, type CertificateClient } from '../../crypto/certificate-client';

/** One certificate worker client for the step's lifetime; leaving the step stops any work in progress. */
export function useCertificateClient(): () => CertificateClient {
  const client = useRef<CertificateClient | null>(null);
  useEffect(
    () => () => {
      client.current?.dispose();
      client.current = null;
    },
    [],
  );
  return () => {
    client.current ??= createCertificateClient();
    return client.current;
  };
}
