// IndexedDB's globals (IDBRequest, IDBKeyRange, …) for idb; each test still opens a fresh IDBFactory.
import 'fake-indexeddb/auto';
