// Unit tests run in Node: fake-indexeddb provides IndexedDB for the persistence layer.
import 'fake-indexeddb/auto';
