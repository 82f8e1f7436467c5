import { create } from 'zustand';

/**
 * The socket's state as the user sees it: `connecting` (first attempt or after a loss),
 * `online`, `offline` (no network, or not trying), `refused` (the server turned the handshake
 * down and a new token did not help).
 */
export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'refused';

interface ConnectionState {
  status: ConnectionStatus;
  /** Why the socket is not online (a lost connection, a refusal); null once it is. */
  lastError: string | null;
  connecting(reason?: string): void;
  online(): void;
  offline(reason?: string): void;
  refused(reason: string): void;
}

const initialState = { status: 'offline' as ConnectionStatus, lastError: null };

/** Client state of the realtime connection, written by connect-realtime.ts only. */
export const useConnection = create<ConnectionState>()((set) => ({
  ...initialState,
  connecting: (reason) => set({ status: 'connecting', lastError: reason ?? null }),
  online: () => set({ status: 'online', lastError: null }),
  offline: (reason) => set({ status: 'offline', lastError: reason ?? null }),
  refused: (reason) => set({ status: 'refused', lastError: reason }),
}));

/** Back to not connected, for tests. */
export function resetConnection(): void {
  useConnection.setState(initialState);
}
