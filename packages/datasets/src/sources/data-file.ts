// A file a loader knows: where it sits in its data set's folder, and how to check it.
export interface DataFile {
  /** Path relative to the data set's folder, with `/` separators. */
  path: string;
  bytes: number;
  /** Lower-case hex SHA-256 of the exact bytes. */
  sha256: string;
}
