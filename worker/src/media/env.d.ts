// The attachment store, declared here rather than by regenerating worker-configuration.d.ts (see wrangler.toml).
declare namespace Cloudflare {
  interface Env {
    /** Photos and voice messages of reports: R2 on Cloudflare, DATA_DIR/media on the self-hosted runtime. */
    MEDIA: R2Bucket;
    /** Days a closed case keeps its attachments (default 365). */
    ATTACHMENT_DAYS?: string;
  }
}
interface Env {
  MEDIA: R2Bucket;
  ATTACHMENT_DAYS?: string;
}
