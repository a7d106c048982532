// The attachment store (wrangler.toml [[r2_buckets]]), declared here so the worker type-checks before
// `npm run types` regenerates worker-configuration.d.ts; the generated declaration is the same type.
declare namespace Cloudflare {
  interface Env {
    /** Photos and voice messages of reports: R2 on Cloudflare, DATA_DIR/media on the self-hosted runtime. */
    MEDIA: R2Bucket;
  }
}
interface Env {
  MEDIA: R2Bucket;
}
