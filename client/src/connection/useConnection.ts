import { useContext } from 'react';
import { ConnectionContext, type Connection } from './ConnectionContext';

/** The current API key and the actions to change it; only valid below `App`. */
export function useConnection(): Connection {
  const connection = useContext(ConnectionContext);
  if (!connection) throw new Error('useConnection() must be called inside <App>.');
  return connection;
}
