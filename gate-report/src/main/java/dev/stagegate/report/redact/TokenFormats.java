package dev.stagegate.report.redact;

import static dev.stagegate.report.redact.TokenFormat.of;
import static dev.stagegate.report.redact.TokenFormat.ofOneCase;

import java.util.List;

/**
 * The catalogue of token formats recognised by prefix anywhere in plain text, with no {@code name=}
 * before them. Lengths are lower bounds where a vendor has changed or may change a length, so a
 * token of a newer generation is still masked whole. Order matters where one prefix extends another
 * ({@code sk-ant-} before {@code sk-}).
 *
 * <p>Formats from the public rule sets of gitleaks ({@code config/gitleaks.toml}), detect-secrets
 * ({@code detect_secrets/plugins}) and trufflehog ({@code pkg/detectors}), used as specifications;
 * the tests use fake values of these shapes.
 */
final class TokenFormats {
  private TokenFormats() {}

  /** The scanner for every format of the catalogue. */
  static TokenScanner scanner() {
    return new TokenScanner(all());
  }

  /**
   * Formats that do not start with a fixed prefix, found by a marker inside them: Terraform Cloud
   * ({@code ….atlasv1.…}), Azure AD client secrets ({@code …8Q~…}), Mailchimp ({@code …-us12}),
   * Mailgun's newer keys ({@code <32 hex>-<8 hex>-<8 hex>}).
   */
  static List<PatternRule> unprefixed() {
    return List.of(
        token("terraform-token", ".atlasv1.", "[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,}"),
        token("azure-ad-secret", "Q~", "[A-Za-z0-9_~.]{3}\\dQ~[A-Za-z0-9_~.-]{31,}"),
        token("telegram-bot-token", ":AA", "\\d{8,10}:AA[A-Za-z0-9_-]{33}"),
        token("mailchimp-key", "-us", "[0-9a-f]{32}-us\\d{1,2}"),
        token("mailgun-key", "-", "[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8}").gatedByRun(32));
  }

  private static PatternRule token(String kind, String marker, String regex) {
    return new PatternRule(
        List.of(marker),
        false,
        java.util.regex.Pattern.compile("(?<![A-Za-z0-9_~.])" + regex + TokenFormat.END),
        List.of(0),
        m -> SecretLikeness.looksLikeTokenBody(m.group()) ? kind : null);
  }

  static List<TokenFormat> all() {
    return List.of(
        // Version control and CI
        of("github-token", "gh[pousr]_[A-Za-z0-9]{30,255}", "ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
        of("github-token", "github_pat_[A-Za-z0-9_]{22,255}", "github_pat_"),
        of(
            "gitlab-token",
            "gl(?:pat|ptt|dt|rt|soat|cbt|ft|imt|agent|oas|ffct|wt)-[A-Za-z0-9_.-]{20,}",
            "gl"),
        of("gitlab-token", "GR1348941[A-Za-z0-9_-]{20,}", "GR1348941"),
        of("bitbucket-token", "ATBB[A-Za-z0-9_=.-]{28,}", "ATBB"),
        of(
            "atlassian-token",
            "AT(?:ATT|CTT|OAT)3[A-Za-z0-9_=.-]{60,}",
            "ATATT3",
            "ATCTT3",
            "ATOAT3"),
        of("circleci-token", "CCIPAT_[A-Za-z0-9]{20,}_[a-f0-9]{40}", "CCIPAT_"),
        of("buildkite-token", "bkua_[a-f0-9]{40}", "bkua_"),
        of("sonar-token", "sq[pua]_[a-f0-9]{40}", "sqp_", "squ_", "sqa_"),
        ofOneCase("octopus-key", "API-[A-Z0-9]{26}", "API-"),
        of("sourcegraph-token", "sgp_(?:[A-Fa-f0-9]{16}_)?[A-Fa-f0-9]{40}", "sgp_"),
        of("settlemint-token", "sm_(?:pat|aat|sat)_[A-Za-z0-9]{16}", "sm_"),
        of("pulumi-token", "pul-[a-f0-9]{40}", "pul-"),
        of("vault-token", "hv[sbr]\\.[A-Za-z0-9_-]{24,}", "hvs.", "hvb.", "hvr."),
        of("doppler-token", "dp\\.(?:pt|st|sa|ct|scim|audit)\\.[A-Za-z0-9]{40,}", "dp."),
        // Chat and notifications
        of("slack-token", "xox[abposre]-[A-Za-z0-9-]{10,}", "xox"),
        of("slack-token", "xoxe\\.xox[bp]-[A-Za-z0-9-]{20,}", "xoxe."),
        of("slack-token", "xapp-\\d-[A-Za-z0-9-]{20,}", "xapp-"),
        of(
            "discord-token",
            // A user id in base64 and an HMAC: digits in both, unlike a qualified Java name.
            "[MN](?=[A-Za-z0-9_-]{0,26}\\d)[A-Za-z0-9_-]{23,27}\\.[A-Za-z0-9_-]{6}\\."
                + "(?=[A-Za-z0-9_-]{0,39}\\d)[A-Za-z0-9_-]{27,40}",
            "M",
            "N"),
        // Cloud
        ofOneCase(
            "aws-access-key",
            "(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}",
            "AKIA",
            "ASIA",
            "ABIA",
            "ACCA",
            "A3T"),
        of("aws-bedrock-key", "ABSK[A-Za-z0-9+/]{100,}={0,2}", "ABSK"),
        of(
            "amazon-mws-token",
            "amzn\\.mws\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
            "amzn.mws."),
        of("openshift-token", "sha256~[A-Za-z0-9_-]{43}", "sha256~"),
        of("google-api-key", "AIza[0-9A-Za-z_-]{33,}", "AIza"),
        of("google-oauth-secret", "GOCSPX-[A-Za-z0-9_-]{20,}", "GOCSPX-"),
        of("google-oauth-token", "ya29\\.[0-9A-Za-z_-]{20,}", "ya29."),
        of("google-refresh-token", "1//0[A-Za-z0-9_-]{40,}", "1//0"),
        of("digitalocean-token", "do[opr]_v1_[a-f0-9]{64}", "dop_v1_", "doo_v1_", "dor_v1_"),
        of("heroku-key", "HRKU-[A-Za-z0-9_-]{20,}", "HRKU-"),
        of("alibaba-key", "LTAI[A-Za-z0-9]{12,20}", "LTAI"),
        of("flyio-token", "fo1_[A-Za-z0-9_-]{39,}", "fo1_"),
        of("flyio-token", "fm[12][ar]?_[A-Za-z0-9+/=_-]{50,}", "fm1", "fm2"),
        of("netlify-token", "nfp_[A-Za-z0-9]{36,}", "nfp_"),
        of("vercel-token", "vc[pkiar]_[A-Za-z0-9]{24,}", "vcp_", "vck_", "vci_", "vca_", "vcr_"),
        of("render-key", "rnd_[A-Za-z0-9]{28,}", "rnd_"),
        of("neon-key", "napi_[a-z0-9]{64}", "napi_"),
        of("supabase-token", "sbp_[a-f0-9]{40}", "sbp_"),
        of("supabase-key", "sb_secret_[A-Za-z0-9_-]{20,}", "sb_secret_"),
        of("tailscale-key", "tskey-[a-z]+-[A-Za-z0-9]{6,}-[A-Za-z0-9]{16,}", "tskey-"),
        of("planetscale-token", "pscale_(?:tkn|pw|oauth)_[A-Za-z0-9_.=-]{32,}", "pscale_"),
        of("dynatrace-token", "dt0c01\\.[A-Z0-9]{24}\\.[A-Z0-9]{64}", "dt0c01."),
        of(
            "newrelic-key",
            "NR(?:AK|II|JS|AA)-[A-Za-z0-9_-]{20,}",
            "NRAK-",
            "NRII-",
            "NRJS-",
            "NRAA-"),
        of("grafana-token", "glc_[A-Za-z0-9+/]{32,}={0,2}", "glc_"),
        of("grafana-token", "glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}", "glsa_"),
        of("grafana-key", "eyJrIjoi[A-Za-z0-9]{40,}={0,2}", "eyJrIjoi"),
        of("sentry-token", "sntry[su]_[A-Za-z0-9+/=_-]{40,}", "sntrys_", "sntryu_"),
        of("cloudflare-origin-key", "v1\\.0-[a-f0-9]{24}-[a-f0-9]{100,}", "v1.0-"),
        of("onepassword-token", "ops_eyJ[A-Za-z0-9+/=_-]{60,}", "ops_eyJ"),
        of("age-secret-key", "AGE-SECRET-KEY-1[0-9A-Z]{58}", "AGE-SECRET-KEY-"),
        // Registries
        of("npm-token", "npm_[A-Za-z0-9]{36}", "npm_"),
        of("pypi-token", "pypi-AgE[A-Za-z0-9_-]{50,}", "pypi-AgE"),
        of("dockerhub-token", "dckr_(?:pat|oat)_[A-Za-z0-9_-]{20,}", "dckr_"),
        of("crates-token", "cio[A-Za-z0-9]{32}", "cio"),
        of("rubygems-key", "rubygems_[a-f0-9]{48}", "rubygems_"),
        of("nuget-key", "oy2[a-z0-9]{43}", "oy2"),
        of("clojars-token", "CLOJARS_[A-Za-z0-9]{40,}", "CLOJARS_"),
        of("artifactory-key", "AKCp[A-Za-z0-9]{60,}", "AKCp"),
        of("artifactory-token", "cmVmdGtuOjAxOj[A-Za-z0-9]{30,}", "cmVmdGtu"),
        // Payments and commerce
        of(
            "stripe-key",
            "[rs]k_(?:live|test|prod)_[A-Za-z0-9]{10,}",
            "sk_live_",
            "rk_live_",
            "sk_test_",
            "rk_test_",
            "sk_prod_",
            "rk_prod_"),
        of("stripe-webhook-secret", "whsec_[A-Za-z0-9+/=]{20,}", "whsec_"),
        of(
            "shopify-token",
            "shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}",
            "shpat_",
            "shpca_",
            "shppa_",
            "shpss_"),
        of("square-token", "sq0(?:atp|csp|idp)-[A-Za-z0-9_-]{22,}", "sq0"),
        of("square-token", "EAAA[A-Za-z0-9_-]{60,}", "EAAA"),
        of(
            "braintree-token",
            "access_token\\$(?:production|sandbox)\\$[0-9a-z]{16}\\$[0-9a-f]{32}",
            "access_token$"),
        of("facebook-token", "EAA[BCDGIMZ][A-Za-z0-9]{80,}", "EAA"),
        of("flutterwave-key", "FLWSECK(?:_TEST)?-[A-Za-z0-9]{32}-X", "FLWSECK"),
        of("duffel-token", "duffel_(?:test|live)_[A-Za-z0-9_=-]{40,}", "duffel_"),
        of("easypost-key", "EZ[AT]K[A-Za-z0-9]{40,}", "EZAK", "EZTK"),
        of("shippo-token", "shippo_(?:live|test)_[a-f0-9]{40}", "shippo_"),
        of("adyen-key", "AQE[A-Za-z0-9+/=_.-]{80,}", "AQE"),
        of("razorpay-key", "rzp_live_[A-Za-z0-9]{14,}", "rzp_live_"),
        // Mail and messaging APIs
        of("sendgrid-key", "SG\\.[A-Za-z0-9_-]{16,32}\\.[A-Za-z0-9_-]{16,64}", "SG."),
        of("twilio-key", "SK[0-9a-fA-F]{32}", "SK"),
        of("twilio-account", "AC[0-9a-f]{32}", "AC"),
        of("mailgun-key", "key-[a-f0-9]{32}", "key-"),
        of("postman-key", "PMAK-[a-f0-9]{24}-[a-f0-9]{34}", "PMAK-"),
        // AI providers
        of("anthropic-key", "sk-ant-(?:api|admin|sid|oat)\\d{2}-[A-Za-z0-9_-]{20,}", "sk-ant-"),
        of("openai-key", "sk-(?:proj-|svcacct-|admin-|or-v1-|None-)?[A-Za-z0-9_-]{20,}", "sk-"),
        of("huggingface-token", "(?:hf_|api_org_)[A-Za-z]{30,}", "hf_", "api_org_"),
        of("replicate-token", "r8_[A-Za-z0-9]{30,}", "r8_"),
        of("groq-key", "gsk_[A-Za-z0-9]{40,}", "gsk_"),
        of("perplexity-key", "pplx-[A-Za-z0-9]{40,}", "pplx-"),
        of("xai-key", "xai-[A-Za-z0-9]{60,}", "xai-"),
        of("langsmith-key", "lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}", "lsv2_"),
        of("pinecone-key", "pcsk_[A-Za-z0-9_]{40,}", "pcsk_"),
        of("dropbox-token", "sl\\.(?:u\\.)?[A-Za-z0-9_-]{130,}", "sl."),
        of(
            "hubspot-token",
            "pat-(?:na|eu)\\d-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
            "pat-"),
        of("infracost-key", "ico-[A-Za-z0-9]{32}", "ico-"),
        of("brevo-key", "xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}", "xkeysib-"),
        of("harness-token", "pat\\.[A-Za-z0-9_-]{22}\\.[0-9a-f]{24}\\.[A-Za-z0-9]{20}", "pat."),
        of(
            "plaid-token",
            "access-(?:sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
            "access-"),
        of("twitter-bearer", "A{20,}[A-Za-z0-9%]{30,}", "AAAAAAAAAAAAAAAAAAAA"),
        of("scalingo-token", "tk-us-[A-Za-z0-9_-]{48}", "tk-us-"),
        of("adobe-secret", "p8e-[A-Za-z0-9]{32}", "p8e-"),
        of("frameio-token", "fio-u-[A-Za-z0-9_=-]{64}", "fio-u-"),
        of("gocardless-token", "live_[A-Za-z0-9_=-]{40}", "live_"),
        of("yandex-key", "AQVN[A-Za-z0-9_-]{35,38}", "AQVN"),
        // Productivity and other SaaS
        of("linear-key", "lin_(?:api|oauth)_[A-Za-z0-9]{40}", "lin_"),
        of("notion-token", "(?:secret|ntn)_[A-Za-z0-9]{40,}", "secret_", "ntn_"),
        of("airtable-token", "pat[A-Za-z0-9]{14}\\.[a-f0-9]{64}", "pat"),
        of("figma-token", "figd_[A-Za-z0-9_-]{40,}", "figd_"),
        of("contentful-token", "CFPAT-[A-Za-z0-9_-]{43}", "CFPAT-"),
        of("typeform-token", "tfp_[A-Za-z0-9_.=-]{40,}", "tfp_"),
        of("prefect-key", "pnu_[A-Za-z0-9]{36}", "pnu_"),
        of("readme-key", "rdme_[a-z0-9]{70}", "rdme_"),
        of("databricks-token", "dapi[a-f0-9]{32}(?:-\\d)?", "dapi"),
        of("mapbox-secret", "sk\\.eyJ[A-Za-z0-9._-]{50,}", "sk.eyJ"));
  }
}
