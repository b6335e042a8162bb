/** The synthkit version written into artifacts and lineage manifests (kept equal to core's package.json by a test). */
export const SYNTHKIT_VERSION = '0.1.0';
