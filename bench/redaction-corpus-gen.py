#!/usr/bin/env python3
"""Writes the redaction benchmark corpus: fake secrets of real formats in realistic lines, and
look-alike lines that are not secrets. Values are random (seeded) with the shape of each format
as the public rule sets of gitleaks, detect-secrets and trufflehog describe it; none is real.

    python3 bench/redaction-corpus-gen.py   # rewrites gate-report/src/test/resources/redact/*.txt

Format of secrets.txt:    family <TAB> format <TAB> line, each secret between « and »;
                          \\n in a line stands for a line break (PEM keys, multi-line dumps).
Format of lookalikes.txt: class <TAB> line (the redactor must leave the line unchanged).
"""
import base64, random, string, zlib, os, uuid

R = random.Random(14)
LOW, UP, DIG = string.ascii_lowercase, string.ascii_uppercase, string.digits
AL = LOW + UP + DIG

def pick(chars, n): return "".join(R.choice(chars) for _ in range(n))
def al(n): return pick(AL, n)
def hx(n): return pick("0123456789abcdef", n)
def HX(n): return pick("0123456789ABCDEF", n)
def up(n): return pick(UP + DIG, n)
def b64(n): return pick(AL + "+/", n)
def b64u(n): return pick(AL + "-_", n)
def dg(n): return pick(DIG, n)
def letters(n): return pick(LOW + UP, n)
def uid(): return str(uuid.UUID(int=R.getrandbits(128), version=4))
B62 = DIG + UP + LOW
def crc_b62(s):
    v = zlib.crc32(s.encode()) & 0xFFFFFFFF
    out = ""
    for _ in range(6): out = B62[v % 62] + out; v //= 62
    return out
def gh(prefix):
    body = al(30); return prefix + body + crc_b62(body)
def npm():
    body = pick(LOW + DIG, 30); return "npm_" + body + crc_b62(body)
def jwt():
    h = base64.urlsafe_b64encode(b'{"alg":"HS256","typ":"JWT"}').decode().rstrip("=")
    p = base64.urlsafe_b64encode(('{"sub":"%s","iat":%s}' % (dg(8), dg(10))).encode()).decode().rstrip("=")
    return h + "." + p + "." + b64u(43)
def pwd(): return pick(LOW, 5) + R.choice("!#%^+") + dg(2) + pick(UP, 3) + pick(LOW, 2)
def aws_secret(): return pick(AL + "/+", 40)
def pem(kind):
    body = "\\n".join(b64(64) for _ in range(4)) + "\\n" + b64(20) + "=="
    return "-----BEGIN %s-----\\n%s\\n-----END %s-----" % (kind, body, kind)

S = []  # (family, format, line)
def s(family, fmt, *lines):
    for l in lines: S.append((family, fmt, l))
w = lambda v: "«" + v + "»"
ts = lambda: "2026-03-%02dT%02d:%02d:%02d.%03dZ" % (R.randint(1, 28), R.randint(0, 23), R.randint(0, 59), R.randint(0, 59), R.randint(0, 999))

# --- version control and CI ---------------------------------------------------------------------
s("vcs", "github-classic", f"{ts()} INFO cloning with token {w(gh('ghp_'))}",
  f'{{"level":"debug","msg":"git auth","token":"{w(gh("ghp_"))}"}}',
  f"GITHUB_TOKEN={w(gh('ghp_'))}", f"remote: using {w(gh('ghp_'))} for push")
s("vcs", "github-oauth", f"oauth token issued: {w(gh('gho_'))}", f"Authorization: token {w(gh('gho_'))}")
s("vcs", "github-app", f"installation token {w(gh('ghs_'))} expires in 3600s", f"user-to-server {w(gh('ghu_'))}",
  f"refresh_token={w(gh('ghr_'))}")
s("vcs", "github-fine-grained", f"export GH_PAT={w('github_pat_11' + up(20) + '_' + al(59))}",
  f"pushing with {w('github_pat_11' + up(20) + '_' + al(59))}")
s("vcs", "gitlab-pat", f"PRIVATE-TOKEN: {w('glpat-' + b64u(20))}", f"git clone https://oauth2:{w('glpat-' + al(20))}@gitlab.example.com/g/p.git",
  f"{ts()} WARN using {w('glpat-' + al(20))} from CI variables")
s("vcs", "gitlab-runner", f"register --token {w('glrt-' + b64u(20))}", f"runner token {w('GR1348941' + b64u(20))}")
s("vcs", "gitlab-deploy", f"deploy token {w('gldt-' + al(20))} created")
s("vcs", "bitbucket-app-password", f"BITBUCKET_APP_PASSWORD={w('ATBB' + al(32))}")
s("ci", "circleci", f"circleci token {w('CCIPAT_' + al(22) + '_' + hx(40))}")
s("ci", "buildkite", f"BUILDKITE_API_TOKEN={w('bkua_' + hx(40))}", f"buildkite-agent using {w('bkua_' + hx(40))}")
s("ci", "sonarqube", f"mvn sonar:sonar -Dsonar.token={w('sqp_' + hx(40))}", f"SONAR_TOKEN: {w('squ_' + hx(40))}")
s("ci", "terraform-cloud", f'credentials "app.terraform.io" {{ token = "{w(al(14) + ".atlasv1." + b64u(67))}" }}',
  f"TF_TOKEN_app_terraform_io={w(al(14) + '.atlasv1.' + b64u(67))}")
s("ci", "vault", f"VAULT_TOKEN={w('hvs.' + b64u(90))}", f"X-Vault-Token: {w('hvs.' + b64u(24))}",
  f"{ts()} INFO vault login succeeded, token {w('hvs.' + b64u(90))}")
s("ci", "doppler", f"DOPPLER_TOKEN={w('dp.pt.' + al(43))}", f"doppler configure set token {w('dp.st.' + al(43))}")
s("ci", "pulumi", f"PULUMI_ACCESS_TOKEN={w('pul-' + hx(40))}", f"pulumi login with {w('pul-' + hx(40))}")

# --- chat ---------------------------------------------------------------------------------------
s("chat", "slack-bot", f"SLACK_BOT_TOKEN={w('xoxb-' + dg(12) + '-' + dg(13) + '-' + al(24))}",
  f"{ts()} ERROR slack api: invalid_auth for {w('xoxb-' + dg(12) + '-' + dg(13) + '-' + al(24))}",
  f'{{"token": "{w("xoxb-" + dg(11) + "-" + dg(12) + "-" + al(24))}", "channel": "#deploys"}}')
s("chat", "slack-user", f"using user token {w('xoxp-' + dg(12) + '-' + dg(12) + '-' + dg(13) + '-' + hx(32))}")
s("chat", "slack-app", f"SLACK_APP_TOKEN={w('xapp-1-' + up(11) + '-' + dg(13) + '-' + hx(64))}",
  f"socket mode with {w('xapp-1-' + up(11) + '-' + dg(13) + '-' + hx(64))}")
s("chat", "slack-webhook", f"POST https://hooks.slack.com/services/{w('T' + up(10) + '/B' + up(10) + '/' + al(24))} 200",
  f"notify_url: https://hooks.slack.com/services/{w('T' + up(8) + '/B' + up(10) + '/' + al(24))}")
s("chat", "discord-webhook", f"posting to https://discord.com/api/webhooks/{dg(18)}/{w(b64u(68))}",
  f"DISCORD_WEBHOOK=https://discordapp.com/api/webhooks/{dg(19)}/{w(b64u(68))}")
def discord(): return "M" + b64u(25) + "." + b64u(6) + "." + b64u(38)
s("chat", "discord-bot", f"DISCORD_TOKEN={w(discord())}", f"Authorization: Bot {w(discord())}",
  f"{ts()} INFO logging in with {w(discord())}")
def tg(): return dg(10) + ":AA" + b64u(33)
s("chat", "telegram-bot", f"GET https://api.telegram.org/bot{w(tg())}/getUpdates 200",
  f"TELEGRAM_BOT_TOKEN={w(tg())}", f"bot started with token {w(tg())}")
s("chat", "teams-webhook", f"teams: POST https://contoso.webhook.office.com/webhookb2/{w(uid() + '@' + uid() + '/IncomingWebhook/' + hx(32) + '/' + uid())}")

# --- payments -----------------------------------------------------------------------------------
s("payment", "stripe-secret", f"STRIPE_SECRET_KEY={w('sk_live_' + al(99))}", f"stripe.api_key = '{w('sk_live_' + al(24))}'",
  f"{ts()} DEBUG charging with {w('sk_test_' + al(24))}", f"curl https://api.stripe.com/v1/charges -u {w('sk_live_' + al(24))}:")
s("payment", "stripe-restricted", f"restricted key {w('rk_live_' + al(24))} loaded")
s("payment", "stripe-webhook", f"STRIPE_WEBHOOK_SECRET={w('whsec_' + al(32))}", f"verifying signature with {w('whsec_' + al(32))}")
s("payment", "square", f"SQUARE_ACCESS_TOKEN={w('EAAA' + b64u(60))}", f"square oauth {w('sq0atp-' + b64u(22))}", f"secret {w('sq0csp-' + b64u(43))}")
s("payment", "shopify", f"X-Shopify-Access-Token: {w('shpat_' + hx(32))}", f"SHOPIFY_API_SECRET={w('shpss_' + hx(32))}",
  f"{ts()} INFO shopify client {w('shpca_' + hx(32))}")
s("payment", "braintree", f"BRAINTREE_TOKEN={w('access_token$production$' + pick(LOW + DIG, 16) + '$' + hx(32))}")
s("payment", "razorpay", f"razorpay key {w('rzp_live_' + al(14))} secret {w(al(24))}") if False else None

# --- cloud --------------------------------------------------------------------------------------
s("cloud", "aws-access-key-id", f"{ts()} INFO using credentials {w('AKIA' + up(16))}", f"AWS_ACCESS_KEY_ID={w('AKIA' + up(16))}",
  f'"AccessKeyId": "{w("ASIA" + up(16))}",')
s("cloud", "aws-secret-key", f"AWS_SECRET_ACCESS_KEY={w(aws_secret())}", f"aws configure set aws_secret_access_key {w(aws_secret())}",
  f'"SecretAccessKey": "{w(aws_secret())}",', f"aws_secret_access_key = {w(aws_secret())}",
  f"Access key ID,Secret access key\\n{w('AKIA' + up(16))},{w(aws_secret())}")
s("cloud", "aws-session-token", f"aws configure set aws_session_token {w('IQoJb3JpZ2luX2Vj' + b64(200))}",
  f'"SessionToken": "{w("FwoGZXIvYXdzE" + b64(180))}"')
s("cloud", "google-api-key", f"GET https://maps.googleapis.com/maps/api/geocode/json?address=x&key={w('AIza' + b64u(35))} 200",
  f"GOOGLE_API_KEY={w('AIza' + b64u(35))}", "firebase apiKey: '" + w('AIza' + b64u(35)) + "'")
s("cloud", "google-oauth", f"client_secret={w('GOCSPX-' + b64u(28))}", f"access token {w('ya29.' + b64u(120))}",
  f"refresh {w('1//0' + b64u(60))}")
s("cloud", "gcp-service-account", f'{{"type": "service_account", "private_key": "{w(pem("PRIVATE KEY"))}\\n", "client_email": "x@p.iam.gserviceaccount.com"}}')
s("cloud", "azure-storage", f"DefaultEndpointsProtocol=https;AccountName=shopstore;AccountKey={w(b64(86) + '==')};EndpointSuffix=core.windows.net",
  f"AZURE_STORAGE_KEY={w(b64(86) + '==')}")
s("cloud", "azure-sas", f"GET https://shop.blob.core.windows.net/c/f.txt?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-01-01&sig={w(b64(43).replace('+', '%2B').replace('/', '%2F') + '%3D')} 403",
  f"SharedAccessSignature=sv=2021-08-06&sig={w(al(40) + '%3D')}&se=2026")
s("cloud", "azure-ad-secret", f"AZURE_CLIENT_SECRET={w(al(3) + dg(1) + 'Q~' + b64u(34).replace('-', '.'))}",
  f"client secret {w(al(3) + dg(1) + 'Q~' + b64u(31))} expires 2026")
s("cloud", "digitalocean", f"DIGITALOCEAN_TOKEN={w('dop_v1_' + hx(64))}", f"doctl auth init -t {w('dop_v1_' + hx(64))}")
s("cloud", "heroku", f"HEROKU_API_KEY={w(uid())}", f"heroku token {w('HRKU-AA' + b64u(58))}")
s("cloud", "alibaba", f"ALIBABA_CLOUD_ACCESS_KEY_ID={w('LTAI' + al(20))}")
s("cloud", "cloudflare", f"CF_API_TOKEN={w(b64u(40))}", f"Authorization: Bearer {w(b64u(40))}")
s("cloud", "flyio", f"FLY_API_TOKEN={w('fo1_' + b64u(43))}")
s("cloud", "netlify", f"NETLIFY_AUTH_TOKEN={w('nfp_' + al(36))}")
s("cloud", "databricks", f"DATABRICKS_TOKEN={w('dapi' + hx(32))}", f"databricks configure --token {w('dapi' + hx(32))}")

# --- AI providers -------------------------------------------------------------------------------
s("ai", "openai", f"OPENAI_API_KEY={w('sk-proj-' + b64u(156))}", f"{ts()} ERROR openai: 401 Incorrect API key provided: {w('sk-proj-' + b64u(48))}",
  "client = OpenAI(api_key='" + w('sk-' + al(20) + 'T3BlbkFJ' + al(20)) + "')", f"using key {w('sk-svcacct-' + b64u(60))}")
s("ai", "anthropic", f"ANTHROPIC_API_KEY={w('sk-ant-api03-' + b64u(93) + 'AA')}", f"x-api-key: {w('sk-ant-api03-' + b64u(93) + 'AA')}",
  f"{ts()} WARN anthropic key {w('sk-ant-admin01-' + b64u(93) + 'AA')} lacks scope")
s("ai", "huggingface", f"HF_TOKEN={w('hf_' + letters(34))}", f"huggingface-cli login --token {w('hf_' + letters(34))}",
  f"Downloading with token {w('hf_' + letters(34))}")
s("ai", "groq", f"GROQ_API_KEY={w('gsk_' + al(52))}")
s("ai", "replicate", f"REPLICATE_API_TOKEN={w('r8_' + al(37))}")
s("ai", "perplexity", f"pplx key {w('pplx-' + al(48))}")

# --- registries ---------------------------------------------------------------------------------
s("registry", "npm", f"//registry.npmjs.org/:_authToken={w(npm())}", f"NPM_TOKEN={w(npm())}", f"npm publish with {w(npm())}",
  f"npm config set //registry.npmjs.org/:_authToken {w(npm())}")
s("registry", "npmrc-legacy", f"_auth={w(base64.b64encode(('ci:' + pwd()).encode()).decode())}", f"//npm.pkg.github.com/:_authToken={w(gh('ghp_'))}")
s("registry", "pypi", f"password = {w('pypi-AgEIcHlwaS5vcmc' + b64u(70))}", f"TWINE_PASSWORD={w('pypi-AgEIcHlwaS5vcmc' + b64u(70))}",
  f"twine upload -u __token__ -p {w('pypi-AgEIcHlwaS5vcmc' + b64u(70))} dist/*")
s("registry", "dockerhub", f"docker login -u ci -p {w('dckr_pat_' + b64u(27))}", f"DOCKERHUB_TOKEN={w('dckr_pat_' + b64u(27))}")
s("registry", "docker-config", f'{{"auths": {{"https://index.docker.io/v1/": {{"auth": "{w(base64.b64encode(("ci:" + pwd()).encode()).decode())}"}}}}}}',
  f'"ghcr.io": {{ "auth": "{w(base64.b64encode(("bot:" + gh("ghp_")).encode()).decode())}" }}',
  ".dockerconfigjson: " + w(base64.b64encode(('{"auths":{"r.example.com":{"username":"ci","password":"' + pwd() + '"}}}').encode()).decode()))
s("registry", "rubygems", f"GEM_HOST_API_KEY={w('rubygems_' + hx(48))}")
s("registry", "nuget", f"dotnet nuget push x.nupkg --api-key {w('oy2' + pick(LOW + DIG, 43))}")
s("registry", "artifactory", f"ARTIFACTORY_API_KEY={w('AKCp' + al(69))}")

# --- mail and messaging APIs --------------------------------------------------------------------
s("mail", "sendgrid", f"SENDGRID_API_KEY={w('SG.' + b64u(22) + '.' + b64u(43))}", f"{ts()} ERROR sendgrid 403 for {w('SG.' + b64u(22) + '.' + b64u(43))}")
s("mail", "mailgun", f"MAILGUN_API_KEY={w('key-' + hx(32))}", f"curl -s --user 'api:{w('key-' + hx(32))}' https://api.mailgun.net/v3")
s("mail", "mailchimp", f"MAILCHIMP_KEY={w(hx(32) + '-us12')}", f"mailchimp client {w(hx(32) + '-us6')}")
s("mail", "twilio", f"TWILIO_API_KEY={w('SK' + hx(32))}", f"TWILIO_AUTH_TOKEN={w(hx(32))}", f"twilio api key {w('SK' + hx(32))} rotated")
s("mail", "postmark", f"X-Postmark-Server-Token: {w(uid())}")

# --- SaaS ---------------------------------------------------------------------------------------
s("saas", "atlassian", f"JIRA_API_TOKEN={w('ATATT3xFfGF0' + b64u(180) + '=' + HX(8))}", f"confluence token {w('ATATT3xFfGF0' + b64u(180) + '=' + HX(8))}")
s("saas", "linear", f"LINEAR_API_KEY={w('lin_api_' + al(40))}")
s("saas", "notion", f"NOTION_TOKEN={w('ntn_' + al(46))}", f"notion integration {w('secret_' + al(43))}")
s("saas", "newrelic", f"NEW_RELIC_API_KEY={w('NRAK-' + up(27))}", f"license {w('NRII-' + b64u(32))}")
s("saas", "sentry", f"SENTRY_AUTH_TOKEN={w('sntrys_eyJpYXQiOjE3MDAwMDAwMDB9' + b64u(60))}", f"sentry-cli --auth-token {w('sntryu_' + hx(64))} releases new")
s("saas", "grafana", f"GRAFANA_TOKEN={w('glsa_' + al(32) + '_' + hx(8))}", f"grafana cloud {w('glc_' + b64(80))}")
s("saas", "datadog", f"DD_API_KEY={w(hx(32))}", f"datadog: DD-API-KEY: {w(hx(32))}")
s("saas", "okta", f"Authorization: SSWS {w('00' + b64u(40))}", f"OKTA_API_TOKEN={w('00' + b64u(40))}")
s("saas", "pagerduty", f"PAGERDUTY_TOKEN={w(b64u(20))}", f"Authorization: Token token={w(b64u(20))}")
s("saas", "airtable", f"AIRTABLE_PAT={w('pat' + al(14) + '.' + hx(64))}")
s("saas", "figma", f"X-Figma-Token: {w('figd_' + b64u(40))}")
s("saas", "dynatrace", f"DT_API_TOKEN={w('dt0c01.' + up(24) + '.' + up(64))}")
s("saas", "age", f"AGE-SECRET-KEY: {w('AGE-SECRET-KEY-1' + pick('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L'.upper(), 58))}")

# --- generic shapes -----------------------------------------------------------------------------
s("jwt", "jwt", f"{ts()} DEBUG session {w(jwt())}", f"Authorization: Bearer {w(jwt())}", f'{{"id_token":"{w(jwt())}"}}',
  f"cookie: session={w(jwt())}; path=/")
s("pem", "pem-rsa", w(pem("RSA PRIVATE KEY")))
s("pem", "pem-openssh", w(pem("OPENSSH PRIVATE KEY")))
s("pem", "pem-ec", "TLS_KEY=" + w(pem("EC PRIVATE KEY")))
s("pem", "pem-pkcs8", '{"key": "' + w(pem("PRIVATE KEY")) + '"}')

# --- passwords in URLs and connection strings ---------------------------------------------------
s("url", "postgres-url", f"DATABASE_URL=postgres://app:{w(pwd())}@db:5432/shop", f"{ts()} INFO connecting to postgresql://shop_rw:{w(pwd())}@pg-primary.internal/shop?sslmode=require",
  f"sqlalchemy.url = postgresql+psycopg2://app:{w(pwd())}@db/app")
s("url", "mongodb-url", f"MONGO_URL=mongodb+srv://admin:{w(pwd())}@cluster0.ab1cd.mongodb.net/test")
s("url", "redis-url", f"REDIS_URL=redis://:{w(pwd())}@cache:6379/0", f"rediss://default:{w(al(32))}@eu1-redis.upstash.io:6379")
s("url", "amqp-url", f"broker: amqp://shop:{w(pwd())}@rabbitmq:5672//")
s("url", "git-https", f"git clone https://x-access-token:{w(gh('ghs_'))}@github.com/org/repo.git", f"remote: https://deploy:{w(pwd())}@git.example.com/r.git")
s("url", "password-with-at", f"mysql://app:{w('p@ss' + pwd())}@db/shop")
s("url", "jdbc-query", f"jdbc:mysql://db:3306/shop?user=app&password={w(pwd())}&useSSL=true", f"jdbc:oracle:thin:scott/{w(pwd())}@db:1521/ORCL")
s("url", "ado-connection", f"Server=tcp:sql.example.net,1433;Database=shop;User ID=app;Password={w(pwd())};Encrypt=True;")
s("url", "query-token", f"GET /api/export?format=csv&access_token={w(al(40))} 200", f"GET /download?token={w(b64u(43))}&expires=1700000000 302",
  f"https://s3.amazonaws.com/b/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential={w('AKIA' + up(16))}%2F20260101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature={w(hx(64))}",
  f"GET /v1/events?api_key={w(hx(32))} 401", f"https://storage.googleapis.com/b/o?X-Goog-Signature={w(hx(256))}")

# --- commands -----------------------------------------------------------------------------------
s("command", "docker-login-p", f"+ docker login -u deploy -p {w(pwd())} registry.example.com", f"docker login --username ci --password {w(al(20))} ghcr.io")
s("command", "password-flag", f"$ myapp migrate --password {w(pwd())} --host db", f"run: ./deploy.sh --db-password={w(pwd())}",
  f"helm upgrade shop ./chart --set postgresql.auth.password={w(pwd())}")
s("command", "token-flag", f"+ cli deploy --token {w(al(32))} --env prod", f"exec: vercel deploy --token={w(al(24))}", f"gh auth login --with-token < /dev/null; cli --api-key {w(hx(40))}")
s("command", "secret-flag", f"+ ./bin/app --client-secret {w(b64u(32))}", f"kubeseal --secret {w(al(24) + dg(6))}")
s("command", "mysql-p", f"mysql -uroot -p{w(pwd())} -h db shop", f"+ mysqldump -u backup -p{w(pwd())} --all-databases", f"mysql --user=app --password={w(pwd())} shop")
s("command", "curl-u", f"+ curl -u admin:{w(pwd())} https://jenkins.example.com/api/json", f"curl --user 'ci:{w(al(24))}' -X POST https://x/api",
  "curl -fsSL -u 'deploy:" + w(pwd()) + "' https://nexus/repository/")
s("command", "aws-configure", f"+ aws configure set aws_secret_access_key {w(aws_secret())}", f"aws configure set aws_session_token {w('FwoGZXIvYXdzE' + b64(120))} --profile ci")
s("command", "docker-env", f"docker run -e POSTGRES_PASSWORD={w(pwd())} -d postgres:16", f"docker run --env API_TOKEN={w(al(32))} app", f"-e MYSQL_ROOT_PASSWORD={w(pwd())}")
s("command", "sshpass", f"sshpass -p {w(pwd())} ssh deploy@10.0.0.5")
s("command", "redis-cli", f"redis-cli -h cache -a {w(pwd())} ping")
s("command", "keytool", f"keytool -importkeystore -srckeystore a.p12 -srcstorepass {w(pwd())} -deststorepass {w(pwd())}")
s("command", "openssl", f"openssl pkcs12 -export -in c.pem -passout pass:{w(pwd())} -out c.p12")
s("command", "gh-secret", f"gh secret set DEPLOY_KEY --body {w(al(40))}")
s("command", "password-stdin", f"echo {w(al(24))} | docker login -u ci --password-stdin ghcr.io")
s("command", "kubectl-literal", f"kubectl create secret generic db --from-literal=password={w(pwd())}", f"kubectl create secret generic api --from-literal=api-key={w(al(32))}")
s("command", "htpasswd", f"htpasswd -bc /etc/nginx/.htpasswd admin {w(pwd())}")
s("command", "sqlcmd", "sqlcmd -S db -U sa -P " + w(pwd()) + " -Q 'select 1'")

# --- headers ------------------------------------------------------------------------------------
s("header", "bearer", f"Authorization: Bearer {w(b64u(40))}", f"curl -H 'Authorization: Bearer {w(al(64))}' https://api", f'{{"headers":{{"Authorization":"Bearer {w(b64u(32))}"}}}}')
s("header", "basic", f"Authorization: Basic {w(base64.b64encode(('app:' + pwd()).encode()).decode())}", f"proxy-authorization: Basic {w(base64.b64encode(('u:' + pwd()).encode()).decode())}")
s("header", "token-scheme", f"Authorization: Token {w(hx(40))}", f"authorization: token {w(al(32))}")
s("header", "api-token-scheme", f"Authorization: Api-Token {w(al(40))}", f"Authorization: Api-Key {w(al(32))}")
s("header", "digest", 'Authorization: Digest username="app", realm="api", nonce="' + hx(32) + '", uri="/x", response="' + w(hx(32)) + '"')
s("header", "aws-sigv4", f"Authorization: {'AWS4-HMAC-SHA256'} {w('Credential=AKIA' + up(16) + '/20260101/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=' + hx(64))}")
s("header", "x-api-key", f"X-Api-Key: {w(al(40))}", f"x-api-key: {w(hx(32))}", f"Ocp-Apim-Subscription-Key: {w(hx(32))}", f"X-Auth-Token: {w(al(32))}",
  f"X-RapidAPI-Key: {w(al(50))}", "-H 'X-Octopus-ApiKey: " + w('API-' + up(26)) + "'", f"X-Goog-Api-Key: {w('AIza' + b64u(35))}")

# --- config files and structured text -----------------------------------------------------------
s("config", "netrc", f"machine api.heroku.com login me@example.com password {w(uid())}", f"machine github.com login bot password {w(gh('ghp_'))}")
s("config", "pgpass", f"db.internal:5432:shop:app:{w(pwd())}")
s("config", "redis-conf", f"requirepass {w(pwd())}", f"masterauth {w(al(24))}")
s("config", "maven-settings", f"<password>{w(pwd())}</password>", f"<server><id>nexus</id><username>ci</username><password>{w(al(20))}</password></server>")
s("config", "pypirc", f"password: {w(pwd())}")
s("config", "json-password", f'{{"user": "app", "password": "{w("a}b{c" + pwd())}"}}', f'{{"db": {{"password": "{w(pwd() + "]" + dg(3))}", "pool": 5}}}}',
  r'{"msg":"config loaded","config":"{\"db_password\": \"' + w(pwd()) + r'\"}"}')
s("config", "yaml-secret", f"  client_secret: {w(b64u(40))}", f"  password: '{w(pwd() + ' with space')}'", f"    apiKey: {w(al(32))}")
s("config", "env-assign", f"DB_PASSWORD={w(pwd())}", f"export SECRET_KEY_BASE={w(hx(128))}", f"JWT_SECRET={w(b64(44))}", "SESSION_SECRET='" + w(al(32)) + "'",
  "level=info msg=connect password=" + w(pwd() + '}x') + " user=app")
s("config", "k8s-secret", f"  password: {w(base64.b64encode(pwd().encode()).decode())}", f"  api-token: {w(base64.b64encode(al(32).encode()).decode())}")
s("config", "java-tostring", f"DataSourceConfig(url=jdbc:postgresql://db/shop, username=app, password={w(pwd())})")

# ------------------------------------------------------------------------------------------------
L = []
def n(cls, *lines):
    for l in lines: L.append((cls, l))

n("masked", "broker: amqp://guest:**@rabbitmq:5672//", "engine: postgresql://app:***@db/shop", "password=<redacted>", "token: ****",
  '{"password": "[REDACTED]"}', "api_key=sk-...a1B2", "secret=xxxxxxxx", "Authorization: Bearer ***", "PASSWORD=********",
  'password: "[FILTERED]"', "DATABASE_URL=postgres://app:%2A%2A%2A@db/shop".replace("%2A%2A%2A", "****"), "redis://:****@cache:6379",
  "X-Api-Key: <hidden>", "client_secret: (hidden)", "token=<token>", "Authorization: Basic <credentials>", "--password ******",
  "mysql -uroot -p******", "password: ~", "api_key: YOUR_API_KEY", "GITHUB_TOKEN=<your-token>", "sk_live_... (hidden)",
  "Celery broker amqp://guest:**@localhost:5672//", "password=null", "password: None", 'token: ""')
n("shell-variable", "Authorization: Bearer $API_KEY", "--password $DB_PASSWORD", 'docker login -u ci -p "$REGISTRY_PASSWORD" ghcr.io',
  "cli deploy --token ${GITHUB_TOKEN}", "PASSWORD=$(cat /run/secrets/db_password)", 'echo "$TOKEN" | docker login --password-stdin ghcr.io',
  "curl -u admin:$ADMIN_PASS https://jenkins/api", "password=%DB_PASS%", "token: ${{ secrets.NPM_TOKEN }}",
  "//registry.npmjs.org/:_authToken=${NPM_TOKEN}", "mysql -uroot -p$MYSQL_ROOT_PASSWORD", "aws configure set aws_secret_access_key $AWS_SECRET",
  "export API_KEY=`cat /etc/key`", "Authorization: token ${GH_TOKEN}", "-e POSTGRES_PASSWORD=${POSTGRES_PASSWORD:-postgres}",
  "sshpass -p \"$SSH_PASS\" ssh host", "redis-cli -a $REDIS_PASSWORD ping", "keytool -storepass:env STOREPASS", "openssl pkcs12 -passout env:P12_PASS",
  "password: {{ .Values.db.password }}", "password=#{ENV['DB_PASSWORD']}", "X-Api-Key: $env:API_KEY", "gh secret set TOKEN --body \"$TOKEN\"",
  "DATABASE_URL=postgres://app:${DB_PASSWORD}@db/shop", "Authorization: Bearer {{token}}")
n("source-code", '    API_KEY = os.environ["API_KEY"]', "    token = settings.SECRET_KEY", '    password = os.getenv("DB_PASSWORD")',
  "    client = Client(api_key=api_key, timeout=30)", "    conn = psycopg2.connect(host=host, user=user, password=password)",
  "  const apiKey = process.env.API_KEY;", "    secret = get_secret('prod/db')", "    self.token = token",
  '    headers = {"Authorization": f"Bearer {token}"}', "    password: str = Field(..., min_length=8)", "  password: process.env.DB_PASSWORD,",
  "    api_key = config.get('openai', 'api_key')", '    token = request.headers.get("Authorization")', "    password = getpass.getpass()",
  "    secret_key = self.settings.secret_key", "    return jwt.encode(payload, SECRET_KEY, algorithm='HS256')", "    auth_token: Optional[str] = None",
  "    apiKey: this.configService.get('API_KEY'),", "    db_password = vault.read('secret/db')['password']", "    access_token = resp.json()['access_token']",
  '  File "/app/settings.py", line 12, in <module>', "    SECRET_KEY = env('DJANGO_SECRET_KEY')", "    token=creds.token,", "    password=db_password,")
n("harmless-name", "schemaKey=user_profile", "bucket_key=reports/2024/01.csv", "nextPageToken=2", "public_key=ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG" + al(30) + " ci@example",
  "primary_key=id", "sort_key=created_at", "cache_key=session:42", "routing_key=orders.created", "partition_key=tenant-42",
  "idempotency_key=" + uid(), "max_tokens: 512", "token_count=12", "token_type=bearer", "keyboard_layout=us", "foreign_key=order_id",
  "key_name=prod-deploy", "secret_name=db-credentials", "--secret id=npmrc,src=.npmrc", "tokenizer=cl100k_base", '"nextPageToken": "CiAKGjBpNDd2Nmp2"' if False else '"pageToken": "2"',
  "objectKey: uploads/2024/05/avatar.png", "s3_key=exports/orders-2024-05-01.csv.gz", "lockKey=job:cleanup:daily", "messageKey=order-" + dg(6),
  "api_key_header=X-Api-Key", "token_endpoint=https://auth.example.com/oauth/token", "publicKey: ssh-rsa AAAAB3NzaC1yc2E" + al(40),
  "passwordPolicy=strong", "password_min_length=12", "reset_password=false", "password_required: true", "PWD=/app", "OLDPWD=/home/app",
  "rate_limit_key=ip", "translationKey=checkout.button.pay", "auth_method=password", "cancellationToken=None", "continuationToken=null",
  "hashKey=user_id", "rangeKey=created_at", "i18nKey=errors.not_found", "secretRef: db-credentials", "tokenUrl: https://auth/token")
n("identifier", f"{ts()} INFO GET /api/v1/orders/{dg(5)} 200 request_id={uid()}", f"commit {hx(40)} (HEAD -> main)", f"image sha256:{hx(64)} pulled",
  f"trace_id={hx(32)} span_id={hx(16)}", f"{ts()} INFO customer cus_{al(14)} charged, payment_intent pi_{al(24)}", f"pod shop-api-{pick(LOW+DIG,10)}-{pick(LOW+DIG,5)} ready",
  f"ulid={pick('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 26)}", f"md5sum {hx(32)}  app.tar.gz", f"etag: \"{hx(32)}\"", f"Merge pull request #{dg(4)} from org/feature-{dg(3)}",
  f"docker pull ghcr.io/org/app@sha256:{hx(64)}", f"x-request-id: {uid()}", f"session {uid()} started", f"build {hx(12)} deployed to eu-west-1",
  f"integrity sha512-{b64(86)}==", f"checksum: sha256={hx(64)}", f"correlationId={uid()}", f"job_id={hx(24)}", f"revision: {hx(40)}",
  f"{ts()} DEBUG cache lookup key=session:{hx(8)} hit=true", f"container {hx(64)} started", f"object_id={hx(24)} version=3",
  f"event evt_{al(24)} received", f"charge ch_{al(24)} succeeded", f"GET /static/app.{hx(8)}.js 200", f"Fingerprint: SHA256:{b64(43)}")
n("prose", "Authorization failed for user app", "invalid password for user bob", "token expired, refreshing", "401: missing bearer authentication",
  "password reset email sent to user 42", "mysql: [Warning] Using a password on the command line interface can be insecure.",
  "WARNING! Using --password via the CLI is insecure. Use --password-stdin.", "Login Succeeded", "the API key is invalid or has been revoked",
  "Secret key rotation completed", "Bearer token required", "Authorization: required", "please provide a token", "Error: key-value store unavailable",
  "sk-learn model loaded", "using npm_config_cache=/tmp/.npm", "hf_transfer enabled", "Set the AKIA-prefixed key id in the console",
  "see https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github", "password must contain 12 characters",
  "Generating public/private ed25519 key pair.", "Your identification has been saved in /root/.ssh/id_ed25519", "-----BEGIN CERTIFICATE-----",
  "-----BEGIN PUBLIC KEY-----", "token refresh scheduled in 300s", "the secret is mounted at /run/secrets/db", "xoxb-your-bot-token goes here")
n("command", "docker run -p 8080:80 nginx", "ssh -p 2222 deploy@host", "docker run -u 1000:1000 app", "curl -k https://localhost:8443/health",
  "curl -u admin https://jenkins/api", "docker login --password-stdin ghcr.io", "aws configure set region eu-west-1", "kubectl create secret generic db --from-file=./password.txt",
  "helm install shop ./chart --set image.tag=1.2.3", "mysql -u root -p shop", "psql -h db -U app -d shop", "git clone git@github.com:org/repo.git",
  "docker build --secret id=npmrc,src=$HOME/.npmrc .", "vault kv get secret/db", "gh auth login --with-token < token.txt", "npm config set registry https://registry.npmjs.org/",
  "ssh-keygen -t ed25519 -C ci@example", "openssl req -new -key server.key -out server.csr", "kubectl get secret db -o yaml", "cli --token-file /run/secrets/token")
n("url", "https://example.com/search?page=2&sort=asc", "GET /oauth/callback?state=xyz&token_type=bearer 302", "https://github.com/org/repo/pull/42",
  "http://user@proxy:3128", "mailto:ops@example.com", "https://hooks.example.com/deploy", f"GET /api/v1/keys/{dg(3)} 200", "redis://cache:6379/0",
  "postgres://db:5432/shop", "https://api.telegram.org/file/", "GET /reset-password?email=a@b.c 200", "GET /api/tokens?page=1&per_page=50 200",
  "amqp://rabbitmq:5672", "jdbc:postgresql://db:5432/shop?ssl=true", f"https://cdn.example.com/assets/app.{hx(20)}.css")


# --- batch 2: written after the rules, as lines pasted from CI logs and issues would read ---------
s("registry", "ecr-login", "+ docker login -u AWS -p " + w("eyJwYXlsb2FkIjoi" + b64(300) + "==") + " 123456789012.dkr.ecr.eu-west-1.amazonaws.com")
s("vcs", "git-remote", "git remote set-url origin https://bot:" + w(gh("ghp_")) + "@github.com/org/shop.git")
s("cloud", "session-token-env", "export AWS_SESSION_TOKEN=" + w("IQoJb3JpZ2luX2VjE" + b64(250)))
s("command", "kubectl-token", "kubectl config set-credentials admin --token=" + w(jwt()))
s("url", "psql-url", 'psql "postgresql://reporting:' + w(pwd()) + '@replica.internal:5432/shop"')
s("url", "requests-error", "requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://api.example.com/v1/items?apikey=" + w(al(32)))
s("command", "mysql-pwd-env", "MYSQL_PWD=" + w(pwd()) + " mysqldump -h db shop > dump.sql")
s("command", "ansible-extra-vars", 'ansible-playbook site.yml --extra-vars "ansible_become_pass=' + w(pwd()) + '"')
s("command", "terraform-var", 'terraform apply -var "db_password=' + w(pwd()) + '" -auto-approve')
s("command", "helm-repo", "helm repo add private https://charts.example.com --username ci --password " + w(al(24)))
s("command", "az-login", "az login --service-principal -u http://shop-ci -p " + w(al(3) + "8Q~" + b64u(34).replace("-", ".")) + " --tenant " + uid())
s("command", "httpie-auth", "http -a admin:" + w(pwd()) + " GET https://api.example.com/me")
s("command", "wget-header", 'wget --header="Authorization: Bearer ' + w(al(40)) + '" https://files.example.com/a.tgz')
s("command", "tf-var-env", 'export TF_VAR_api_key="' + w(al(40)) + '"')
s("config", "go-struct", "config: &{Host:db Port:5432 User:app Password:" + w(pwd()) + " SSLMode:disable}")
s("config", "python-dict", "settings = {'DEBUG': False, 'SECRET_KEY': '" + w(b64u(50)) + "'}")
s("config", "node-object", "{ user: 'app', password: '" + w(pwd()) + "', host: 'db' }")
s("config", "rails-params", 'Parameters: {"user"=>{"email"=>"a@example.com", "password"=>"' + w(pwd()) + '"}}')
s("config", "spring-props", "spring.datasource.password=" + w(pwd()))
s("config", "dotenv-quoted", 'OPENAI_API_KEY="' + w("sk-proj-" + b64u(100)) + '"')
s("config", "grafana-logfmt", 't=2026-03-01T12:00:00+0000 lvl=info msg="Request Completed" apikey=' + w("eyJrIjoi" + al(40) + "In0="))
s("header", "cookie", "Cookie: _shop_session=abc; remember_user_token=" + w(b64u(40)))
s("header", "security-token", "x-amz-security-token: " + w("IQoJb3JpZ2luX2VjE" + b64(200)))
s("ai", "openai-sdk-error", "openai.AuthenticationError: Error code: 401 - {'error': {'message': 'Incorrect API key provided: " + w("sk-proj-" + b64u(40)) + ".'}}")
s("ai", "anthropic-env", "  ANTHROPIC_API_KEY: " + w("sk-ant-api03-" + b64u(93) + "AA"))
s("cloud", "gcloud-token", "gcloud auth print-access-token: " + w("ya29.a0" + b64u(150)))
s("saas", "sentry-cli", "SENTRY_AUTH_TOKEN: " + w("sntrys_eyJpYXQiOjE3MDAwMDAwMDB9" + b64u(80)))
s("payment", "stripe-logfmt", "level=error msg=\"stripe request failed\" key=" + w("sk_live_" + al(24)) + " status=401")
s("chat", "slack-json", '{"ok":false,"error":"invalid_auth","token":"' + w("xoxb-" + dg(12) + "-" + dg(13) + "-" + al(24)) + '"}')
s("registry", "pip-index", "pip install --index-url https://__token__:" + w("pypi-AgEIcHlwaS5vcmc" + b64u(70)) + "@upload.pypi.org/simple shop")
s("registry", "npm-err", "npm ERR! 403 403 Forbidden - PUT https://registry.npmjs.org/shop - token " + w(npm()) + " lacks publish rights")
s("pem", "pem-in-log", "2026-03-01 12:00:00 DEBUG loaded key\\n" + w(pem("RSA PRIVATE KEY")) + "\\n2026-03-01 12:00:01 INFO ready")

n("prose", "Error response from daemon: Get \"https://registry.example.com/v2/\": unauthorized: authentication required",
  "remote: Invalid username or password.", "fatal: Authentication failed for 'https://github.com/org/repo.git/'",
  "production.ERROR: SQLSTATE[HY000] [1045] Access denied for user 'forge'@'10.0.0.1' (using password: YES)",
  "Caused by: org.postgresql.util.PSQLException: FATAL: password authentication failed for user \"app\"",
  "##[debug]Evaluating: secrets.GITHUB_TOKEN", "WWW-Authenticate: Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\"",
  "npm ERR! code E401 Unable to authenticate, need: Basic realm=\"GitHub Package Registry\"",
  "Error: Invalid API Key provided: sk_test_****1234", "hint: use a personal access token instead of a password",
  "redis.exceptions.AuthenticationError: invalid username-password pair or user is disabled.",
  "botocore.exceptions.NoCredentialsError: Unable to locate credentials", "The security token included in the request is expired")
n("masked", "  GITHUB_TOKEN: ***", 'Parameters: {"user"=>{"email"=>"a@example.com", "password"=>"[FILTERED]"}}', "Authorization: Bearer undefined",
  "Authorization: Bearer null", "token=undefined", 'api_key: "<YOUR_API_KEY>"', "STRIPE_SECRET_KEY=sk_test_xxx", "password: '********'",
  "sqlalchemy.engine.Engine postgresql://app:***@db:5432/shop", "DSN=postgres://app:xxxxx@db/shop")
n("harmless-name", "X-Hub-Signature-256: sha256=" + hx(64), "password_hash=$2b$12$" + b64(53).replace("+", ".") , "secret_version=3", "api_key_last4=" + hx(4),
  "token_hash=" + hx(12) if False else "tokens_used=1432", '"total_tokens": 345', "keys: [id, name]", "jwt_expiry=3600", "auth=basic", "author=John",
  "oauth_callback=https://shop.example.com/callback", "authorization_endpoint=https://auth.example.com/authorize", "X-Amz-Date: 20260101T000000Z",
  "X-Amz-Content-Sha256: " + hx(64), "keyId=arn:aws:kms:eu-west-1:123456789012:key/" + uid(), "secretArn=arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf",
  "passwordless=true", "token_ttl=3600s", "signing_algorithm=RS256", "keystore=/etc/ssl/keystore.p12", "password_file=/run/secrets/db_password")
n("command", "gcloud auth activate-service-account --key-file=/tmp/key.json", "docker ps -a", "git commit -a -m 'fix: token refresh'", "ls -la /run/secrets",
  "kubectl logs deploy/api --tail=100", "az account show --query id -o tsv", "pip install --index-url https://pypi.org/simple requests",
  "terraform apply -var-file=prod.tfvars", "ssh -i ~/.ssh/id_ed25519 deploy@10.0.0.5", "docker run --rm -v $PWD:/src -w /src node:20 npm ci")
n("identifier", "MIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + al(43) + " deploy@ci",
  f"Digest: sha256:{hx(64)}", f"Status: Downloaded newer image for postgres@sha256:{hx(64)}", f"kid={hx(40)}", f"x-amzn-RequestId: {uid()}",
  f"cf-ray: {hx(16)}-AMS", f"X-GitHub-Request-Id: {HX(4)}:{HX(5)}:{HX(7)}:{HX(7)}:{HX(8)}", f"build-id={pick(LOW+DIG, 20)}")
s("cloud", "azure-keys-list", '{"keyName": "key1", "permissions": "FULL", "value": "' + w(b64(86) + "==") + '"}')
s("config", "word-like-key", "API_KEY=" + w("supersecretvalue"))
n("harmless-name", "STRIPE_PUBLISHABLE_KEY=pk_live_" + al(24), "RECAPTCHA_SITE_KEY=6Lc" + b64u(37), "MAPBOX_PUBLIC_TOKEN=pk.eyJ1Ijoic2hvcCIsImEiOiJjbHh" + al(20) + "." + b64u(22))

# --- batch 3: regression lines for the shapes batch 2 and the gitleaks rule files brought up -----
s("config", "ecs-env-json", '"environment": [{"name": "DB_PASSWORD", "value": "' + w(pwd()) + '"}, {"name": "PORT", "value": "8080"}]')
s("config", "dotnet-appsettings", '<add key="StripeApiKey" value="' + w(al(32)) + '" />')
s("command", "aws-cli-shorthand", "aws ecs register-task-definition --secrets Name=API_TOKEN,Value=" + w(al(40)))
s("command", "sqlplus", "sqlplus -s scott/" + w(pwd()) + "@orcl @migrate.sql")
s("command", "rabbitmqctl", "rabbitmqctl add_user shop " + w(pwd()))
s("command", "openssl-k", "openssl enc -aes-256-cbc -salt -k " + w(pwd()) + " -in backup.tar -out backup.enc")
s("url", "base64-password", "DATABASE_URL=postgres://app:" + w(b64(22) + "/" + b64(9) + "=") + "@db:5432/shop")
s("url", "token-as-user", "git clone https://" + w(hx(40)) + "@github.com/org/private.git")
s("config", "json-escaped-quote", '{"user": "app", "password": "' + w(pwd() + '\\"' + dg(3)) + '"}')
s("config", "azure-devops-pat", "AZURE_DEVOPS_EXT_PAT=" + w(pick(LOW + "234567", 52)))
s("registry", "crates", "CARGO_REGISTRY_TOKEN=" + w("cio" + al(32)), "cargo publish --token " + w("cio" + al(32)))
s("payment", "adyen", "ADYEN_API_KEY=" + w("AQE" + b64(120)))
n("source-code", "  const token = req.headers.authorization?.split(' ')[1];", '    let api_key = std::env::var("API_KEY")?;',
  "    $token = $request->bearerToken();", "    password := os.Getenv(\"DB_PASSWORD\")")
n("identifier", "at com.example.MyApplicationConfiguration.config.someVeryLongPropertyNameHere(App.java:42)",
  "GET https://registry.npmjs.org:443/@babel%2fcore 200", f"pulled ghcr.io/org/app:{hx(7)}@sha256:{hx(64)}")
n("harmless-name", '{"name": "LOG_LEVEL", "value": "debug"}', '{"name": "API_KEY_ID", "value": "' + hx(24) + '"}', "Name=PORT,Value=8080")

# --- batch 4: look-alikes in the shapes of public sample logs (Android, OpenStack, Hadoop, sshd) --
n("identifier", "03-17 16:13:38.811  1702  2395 D WindowManager: opening app wtoken = AppWindowToken{" + hx(7) + " token=Token{" + hx(7) + " ActivityRecord{" + hx(7) + " u0 com.example.shop/.MainActivity t42}}}",
  "03-17 16:13:45.466  1702 17632 W ActivityManager: Bad window token: android.os.BinderProxy@" + hx(7),
  "2026-03-01 12:00:00.008 2574 INFO nova.osapi_compute.wsgi.server [req-" + uid() + " " + hx(32) + " " + hx(32) + " - - -] 10.0.0.1 \"GET /v2/" + hx(32) + "/servers/detail HTTP/1.1\" status: 200 len: 1893",
  "INFO [main] org.apache.hadoop.mapreduce.v2.app.MRAppMaster: Kind: YARN_AM_RM_TOKEN, Service: , Ident: (appAttemptId { id: 20 } keyId: -" + dg(9) + ")",
  "INFO security.TokenCache: Got dt for hdfs://nn:8020; Kind: HDFS_DELEGATION_TOKEN, Service: 10.0.0.5:8020, Ident: (owner=app, renewer=yarn, issueDate=1700000000000, sequenceNumber=42, masterKeyId=7)",
  "sshd[2412]: Accepted publickey for deploy from 10.0.0.9 port 51234 ssh2: ED25519 SHA256:" + b64(43),
  "sshd[2412]: pam_unix(sshd:auth): check pass; user unknown",
  "sshd[2412]: Failed password for invalid user admin from 10.0.0.9 port 38926 ssh2",
  "Started ServerConnector@" + hx(8) + "{HTTP/1.1, (http/1.1)}{0.0.0.0:8080}",
  "I PowerManagerService: acquire lock=233570404, flags=0x1, tag=\"View Lock\", name=com.android.systemui, ws=null, uid=10037")

# --- batch 5: formats added from the gitleaks rule list (aws, openshift, octopus, sourcegraph) ---
s("cloud", "aws-bedrock", "AWS_BEARER_TOKEN_BEDROCK=" + w("ABSKQmVkcm9ja0FQSUtleS" + b64(110)))
s("cloud", "openshift", "oc login --token=" + w("sha256~" + b64u(43)) + " --server=https://api.ocp.example.com:6443")
s("ci", "octopus", "octo push --apiKey " + w("API-" + up(26)) + " --server https://octopus.example.com")
s("vcs", "sourcegraph", "SRC_ACCESS_TOKEN=" + w("sgp_" + hx(16) + "_" + hx(40)))
s("pem", "k8s-tls-key", "  tls.key: " + w(base64.b64encode(("-----BEGIN PRIVATE KEY-----\n" + b64(64) + "\n-----END PRIVATE KEY-----\n").encode()).decode()))
n("identifier", "  tls.crt: " + base64.b64encode(("-----BEGIN CERTIFICATE-----\n" + b64(64) + "\n-----END CERTIFICATE-----\n").encode()).decode(),
  "Got API-VERSION header from upstream", "GET /v1/models 200 x-request-id: req_" + hx(24))

# --- batch 6: CLI output tables, escaped JSON in logfmt, signatures that are digests ------------
s("config", "vault-table", "api_key             " + w(al(40)), "password            " + w(pwd()))
s("config", "logfmt-escaped-json", 'time="2026-03-01T12:00:00Z" level=debug msg="pulling image" auth="{\\"username\\":\\"ci\\",\\"password\\":\\"' + w(pwd()) + '\\"}"')
s("command", "az-account-key", "az storage blob upload --account-name shop --account-key " + w(b64(86) + "==") + " -f backup.tar")
s("command", "docker-registry-secret", "kubectl create secret docker-registry regcred --docker-server=ghcr.io --docker-username=ci --docker-password=" + w(al(24)) + " --docker-email=ci@example.com")
n("identifier", "X-Hub-Signature: sha1=" + hx(40), "X-Slack-Signature: v0=" + hx(64), "Stripe-Signature: t=1700000000,v1=" + hx(64),
  "token_accessor      " + al(24), "secret_key     ****************" + up(4) + " shared-credentials-file")

# --- batch 7: a name on one line, its value on the next (YAML env, pretty-printed JSON) ---------
s("config", "k8s-env-yaml", "        - name: DB_PASSWORD\\n          value: " + w(pwd()))
s("config", "pretty-json-env", '{\\n  "name": "API_TOKEN",\\n  "value": "' + w(al(32)) + '"\\n}')
n("harmless-name", "- name: LOG_LEVEL\\n  value: debug", "- name: API_KEY\\n  valueFrom:\\n    secretKeyRef:\\n      name: api\\n      key: token")

# --- batch 8: written after batch 7 and measured before any fix (held-out check) -----------------
s("command", "helm-set-string", "helm upgrade --install api ./chart --set-string secrets.stripeKey=" + w("sk_live_" + al(24)))
s("command", "gcloud-secrets", "echo -n " + w(al(32)) + " | gcloud secrets create api-key --data-file=-")
s("command", "git-credential", "printf 'protocol=https\\nhost=github.com\\nusername=bot\\npassword=" + w(gh("ghp_")) + "\\n' | git credential approve")
s("command", "wget-password", "wget --user=ci --password=" + w(pwd()) + " https://nexus.example.com/repo/app.jar")
s("command", "vault-login", "vault login -method=userpass username=ci password=" + w(pwd()))
s("command", "psql-conninfo", 'psql "host=db port=5432 dbname=shop user=app password=' + w(pwd()) + ' sslmode=require"')
s("command", "mongo-uri-flag", "mongodump --uri=mongodb://backup:" + w(pwd()) + "@mongo-0.mongo:27017/shop --gzip")
s("config", "spring-yaml", "    password: " + w(pwd()))
s("config", "ini-secret", "secret_access_key = " + w(aws_secret()))
s("config", "toml-token", 'token = "' + w(al(40)) + '"')
s("config", "properties-key", "stripe.api.secret-key=" + w("sk_test_" + al(24)))
s("config", "json-compact", '{"client_id":"shop-web","client_secret":"' + w(b64u(40)) + '","grant_type":"client_credentials"}')
s("header", "python-dict-headers", "headers={'Authorization': 'Bearer " + w(al(40)) + "', 'Accept': 'application/json'}")
s("header", "api-key-lower", "api-key: " + w(hx(32)))
s("url", "redis-tls", "CELERY_BROKER_URL=rediss://:" + w(al(32)) + "@redis.example.com:6380/0")
s("url", "https-basic", "Fetching https://admin:" + w(pwd()) + "@grafana.internal/api/health")
s("vcs", "github-in-url-path", "GET https://api.github.com/repos/org/shop?access_token=" + w(gh("gho_")) + " 401")
s("chat", "slack-bot-header", "Authorization: Bearer " + w("xoxb-" + dg(12) + "-" + dg(13) + "-" + al(24)))
s("ai", "openai-env-export", "export OPENAI_API_KEY='" + w("sk-proj-" + b64u(80)) + "'")
s("ai", "hf-cli", "[INFO] Token " + w("hf_" + letters(34)) + " has been saved to /root/.cache/huggingface/token")
s("cloud", "gcp-json-key", '  "private_key_id": "' + hx(40) + '", "private_key": "' + w(pem("PRIVATE KEY")) + '\\n",')
s("cloud", "aws-env-inline", "AWS_ACCESS_KEY_ID=" + w("AKIA" + up(16)) + " AWS_SECRET_ACCESS_KEY=" + w(aws_secret()) + " aws s3 ls")
s("registry", "docker-login-stdin-literal", "echo '" + w(al(24)) + "' | docker login --username ci --password-stdin registry.example.com")
s("payment", "stripe-cli", "stripe listen --api-key " + w("sk_test_" + al(24)) + " --forward-to localhost:3000/webhook")
s("saas", "datadog-header", "-H 'DD-APPLICATION-KEY: " + w(hx(40)) + "'")
n("source-code", '    client = boto3.client("s3", aws_access_key_id=key_id, aws_secret_access_key=secret)',
  "    token = jwt.encode({'sub': user_id}, SECRET, algorithm='HS256')", '    db_url = f"postgresql://{user}:{password}@{host}/{db}"',
  '    conn_str = "mongodb://%s:%s@%s" % (user, pw, host)', "    if password == confirm_password:", "    api_key: str = \"\"",
  "    return {'Authorization': f'Bearer {self.api_key}'}", "    password = input('Password: ')")
n("masked", "aws_secret_access_key = ****************", "Authorization: Basic ****", "GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}",
  "token: <%= ENV['API_TOKEN'] %>", "password: !vault |", "client_secret: REPLACE_ME")
n("identifier", "X-Request-Signature-Version: 2", "sessionId=" + uid(), "nonce=" + hx(16), "csrf_cookie_name=csrftoken",
  "keyspace=shop_prod", "Accept-Encoding: gzip, deflate, br", "If-None-Match: W/\"" + hx(32) + "\"", "x-amz-id-2: " + b64(76),
  "eventId: " + uid(), "fingerprint=" + hx(40))

# --- batch 9: written after batch 8 and measured before any fix (held-out check) -----------------
n("source-code", '  File "/app/client.py", line 41, in __init__', "    self.api_key = api_key or os.environ.get('OPENAI_API_KEY')",
  "    raise AuthenticationError(f'invalid api_key: {api_key[:4]}...')", "    secret = base64.b64decode(os.environ['SECRET_B64'])",
  "    password = hashlib.sha256(raw_password.encode()).hexdigest()", "    token = await get_access_token(client_id, client_secret)",
  "    const secret = core.getInput('secret', { required: true });", "    String password = System.getenv(\"DB_PASSWORD\");",
  "    private final String apiKey = props.getProperty(\"api.key\");", "    token := r.Header.Get(\"Authorization\")",
  "    credentials = service_account.Credentials.from_service_account_file(key_path)", "    PASSWORD = config('DB_PASSWORD', default='')",
  "    auth = (username, password)", "    api_key=settings.STRIPE_API_KEY,", "    secret_key = secrets.token_hex(32)",
  "    let token = localStorage.getItem('token');", "    $password = $_POST['password'];", "    password_hash = bcrypt.hashpw(password, bcrypt.gensalt())")
n("masked", "DATABASE_URL=postgres://app:[redacted]@db/shop", "mysql://root:<password>@localhost:3306/app", "api_key: sk-proj-****",
  "Bearer ***REDACTED***", "password: \"{{ vault_db_password }}\"", "token=********************************", "AWS_SECRET_ACCESS_KEY=<your-secret-key>",
  "export GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "client_secret=...", "Authorization: Bearer <YOUR_TOKEN>", "--password=*****",
  "SLACK_WEBHOOK_URL=https://hooks.slack.com/services/XXX/YYY/ZZZ")
n("harmless-name", "keyframe=12", "monkey_patch=true", "key_count=3", "secret_santa=enabled", "passthrough=true", "bypass_cache=1",
  "tokenize=false", "password_length=16", "api_version=2024-06-01", "auth_type=oauth2", "tokens_per_second=42.7", "keyboard=us-intl")
s("json", "nested-json", '{"config":{"database":{"host":"db","password":"' + w(pwd()) + '"},"stripe":{"secret_key":"' + w("sk_live_" + al(24)) + '"}}}')
s("json", "json-array-env", '"Env": ["PATH=/usr/local/bin", "API_TOKEN=' + w(al(40)) + '", "LANG=C.UTF-8"]')
s("json", "json-pretty-line", '    "accessToken": "' + w(b64u(48)) + '",')
s("json", "json-escaped-log", '{"level":"error","msg":"request failed","headers":"{\\"Authorization\\":\\"Bearer ' + w(al(40)) + '\\"}"}')
s("shell", "set-x-export", "+ export NPM_TOKEN=" + w(npm()))
s("shell", "curl-json-body", "curl -X POST https://api.example.com/login -d '{\"username\":\"ci\",\"password\":\"" + w(pwd()) + "\"}'")
s("shell", "curl-header-token", 'curl -sS -H "Authorization: token ' + w(gh("ghp_")) + '" https://api.github.com/user')
s("shell", "docker-run-env-many", "docker run -d -e MYSQL_USER=app -e MYSQL_PASSWORD=" + w(pwd()) + " -e MYSQL_DATABASE=shop mysql:8")
s("shell", "ssh-pass-env", "SSHPASS=" + w(pwd()) + " sshpass -e ssh deploy@10.0.0.5")
s("shell", "kubectl-patch", "kubectl patch secret api -p '{\"stringData\":{\"token\":\"" + w(al(40)) + "\"}}'")
s("cloud", "aws-cli-output", "|  SecretAccessKey |  " + w(aws_secret()) + "  |")
s("cloud", "azure-conn", "AZURE_STORAGE_CONNECTION_STRING=DefaultEndpointsProtocol=https;AccountName=shop;AccountKey=" + w(b64(86) + "==") + ";EndpointSuffix=core.windows.net")
s("ci", "gitlab-ci-var", "$ echo \"//gitlab.example.com/api/v4/projects/42/packages/npm/:_authToken=" + w("glpat-" + al(20)) + "\" >> .npmrc")

# --- batch 10: written after batch 9 and measured before any fix (held-out check) ---------------
s("vcs", "gh-actions-debug", "##[debug]Setting env: GH_TOKEN=" + w(gh("ghs_")))
s("vcs", "gitlab-trigger", "curl -X POST -F token=" + w("glptt-" + hx(40)) + " -F ref=main https://gitlab.example.com/api/v4/projects/42/trigger/pipeline")
s("ci", "jenkins-cli", "java -jar jenkins-cli.jar -s https://ci.example.com -auth admin:" + w(hx(34)) + " build deploy")
s("ci", "circle-env", "CIRCLE_TOKEN=" + w(hx(40)))
s("cloud", "gcloud-access-token", "Authorization: Bearer " + w("ya29.c." + b64u(140)))
s("cloud", "do-context", "doctl auth init --context ci --access-token " + w("dop_v1_" + hx(64)))
s("cloud", "heroku-netrc-uuid", "HEROKU_API_KEY: " + w(uid()))
s("payment", "stripe-json-error", '{"error":{"message":"Invalid API Key provided: ' + w("sk_live_" + al(24)) + '","type":"invalid_request_error"}}')
s("payment", "paypal-secret", "PAYPAL_CLIENT_SECRET=" + w("E" + b64u(79)))
s("chat", "slack-token-query", "GET https://slack.com/api/auth.test?token=" + w("xoxp-" + dg(12) + "-" + dg(12) + "-" + dg(13) + "-" + hx(32)) + " 200")
s("chat", "telegram-env-json", '{"TELEGRAM_TOKEN": "' + w(tg()) + '"}')
s("ai", "anthropic-header", "curl https://api.anthropic.com/v1/messages -H 'x-api-key: " + w("sk-ant-api03-" + b64u(93) + "AA") + "' -H 'anthropic-version: 2023-06-01'")
s("ai", "gemini-query", "POST https://generativelanguage.googleapis.com/v1beta/models/gemini-pro:generateContent?key=" + w("AIza" + b64u(35)) + " 400")
s("ai", "cohere-key", "CO_API_KEY=" + w(al(40)))
s("registry", "yarnrc", 'npmAuthToken: "' + w(npm()) + '"')
s("registry", "pip-conf", "index-url = https://__token__:" + w("pypi-AgEIcHlwaS5vcmc" + b64u(70)) + "@pypi.example.com/simple")
s("registry", "docker-auth-json-escaped", '{"msg":"loaded config","auths":"{\\"ghcr.io\\":{\\"auth\\":\\"' + w(base64.b64encode(("ci:" + gh("ghp_")).encode()).decode()) + '\\"}}"}')
s("jwt", "jwt-query", "GET /api/stream?jwt=" + w(jwt()) + " 101")
s("pem", "pem-ec-escaped", '"key":"' + w(pem("EC PRIVATE KEY")) + '"')
s("url", "ftp-url", "lftp ftp://deploy:" + w(pwd()) + "@ftp.example.com/upload")
s("url", "mssql-url", "mssql://sa:" + w(pwd()) + "@sqlserver:1433/shop")
s("shell", "here-string", "docker login ghcr.io -u ci --password-stdin <<< " + w(gh("ghp_")))
s("shell", "env-file-cat", "+ cat .env\\nDB_PASSWORD=" + w(pwd()) + "\\nREDIS_URL=redis://cache:6379")
n("identifier", "commit_sha=" + hx(40), "image_digest=sha256:" + hx(64), "build_id=" + uid(), "span_id=" + hx(16), "otel.trace_id=" + hx(32),
  "instance-id: i-" + hx(17), "sg-" + hx(17) + " authorized", "arn:aws:iam::123456789012:role/ci-deploy", "projects/shop-prod/secrets/api-key/versions/3",
  "vault path secret/data/shop/db", "Key ID: " + HX(16), "keyring: /etc/apt/keyrings/docker.gpg")
n("harmless-name", "token_type=Bearer", "tokenExpiresIn=3600", "keyAlias=release", "secretsProvider=aws", "passwordMinLength: 12",
  "tokenUrl=https://oauth2.googleapis.com/token", "keyStoreType=PKCS12", "authEnabled=true", "credentialsProvider=default")
n("shell-variable", "-H \"X-Api-Key: ${API_KEY}\"", "docker login -u $USER -p $PASS", "curl -u \"$USER:$TOKEN\" https://x", "--token=$(cat /run/secrets/token)",
  "export AWS_SECRET_ACCESS_KEY=\"$(aws configure get aws_secret_access_key)\"")

# --- batch 10b: secrets named in words (regression lines for the phrase rule) ---------------------
s("prose", "api-key-phrase", "Your new API key: " + w(hx(32)) + " (store it safely)", "Access token is " + w(al(40)))
n("prose", "API key: missing", "the client secret = ${CLIENT_SECRET}", "private key: /etc/ssl/private/server.key", "Bot token: not configured")

# --- batch 11: written after batch 10 and measured before any fix (held-out check) ---------------
s("cloud", "aws-credentials-file", "[default]\\naws_access_key_id = " + w("AKIA" + up(16)) + "\\naws_secret_access_key = " + w(aws_secret()))
s("cloud", "aws-export-json", '{"Credentials": {"AccessKeyId": "' + w("ASIA" + up(16)) + '", "SecretAccessKey": "' + w(aws_secret()) + '", "SessionToken": "' + w("IQoJb3JpZ2luX2Vj" + b64(200)) + '"}}')
s("cloud", "azure-sp-json", '{"appId": "' + uid() + '", "password": "' + w(al(3) + "8Q~" + b64u(34).replace("-", "_")) + '", "tenant": "' + uid() + '"}')
s("cloud", "gcp-api-key-env", "export GOOGLE_MAPS_KEY=" + w("AIza" + b64u(35)))
s("vcs", "github-url-header", "remote: Authorization: basic " + w(base64.b64encode(("x-access-token:" + gh("ghs_")).encode()).decode()))
s("vcs", "bitbucket-url", "git clone https://x-token-auth:" + w(b64u(40)) + "@bitbucket.org/team/repo.git")
s("ci", "drone-secret", "DRONE_TOKEN=" + w(al(32)))
s("ci", "argocd-login", "argocd login argocd.example.com --username admin --password " + w(pwd()) + " --grpc-web")
s("payment", "stripe-restricted-header", "Stripe-Account: acct_" + al(16) + " Authorization: Bearer " + w("rk_live_" + al(99)))
s("chat", "mattermost-webhook", "POST https://chat.example.com/hooks/" + w(pick(LOW + DIG, 26)) + " 200")
s("chat", "discord-webhook-json", '{"webhook": "https://discord.com/api/webhooks/' + dg(18) + '/' + w(b64u(68)) + '"}')
s("ai", "openai-org-json", '{"api_key": "' + w("sk-" + al(48)) + '", "organization": "org-' + al(24) + '"}')
s("ai", "hf-hub-env", "HUGGING_FACE_HUB_TOKEN=" + w("hf_" + letters(34)))
s("registry", "ghcr-login", "echo " + w(gh("ghp_")) + " | docker login ghcr.io -u bot --password-stdin")
s("registry", "npm-whoami", "npm whoami --registry https://registry.npmjs.org --//registry.npmjs.org/:_authToken=" + w(npm()))
s("registry", "maven-settings-encrypted", "<server><id>central</id><username>ci</username><password>" + w("{" + b64(44) + "}") + "</password></server>")
s("json", "graphql-vars", '{"query":"mutation Login($p: String!){login(password:$p)}","variables":{"p":"' + w(pwd()) + '"}}') if False else None
s("json", "camel-case-secret", '{"clientSecret":"' + w(b64u(40)) + '","redirectUri":"https://shop.example.com/cb"}')
s("json", "snake-case-nested", "{'auth': {'username': 'ci', 'password': '" + w(pwd()) + "'}}")
s("shell", "mysqladmin", "mysqladmin -u root --password=" + w(pwd()) + " status")
s("shell", "pg-dump-url", "pg_dump postgresql://backup:" + w(pwd()) + "@db:5432/shop > shop.sql")
s("shell", "ldapsearch", "ldapsearch -x -D cn=admin,dc=example,dc=com -w " + w(pwd()) + " -b dc=example,dc=com")
s("shell", "smbclient", "smbclient //fs/share -U backup%" + w(pwd()))
n("masked", "aws_secret_access_key = [hidden]", "password: '<%= @db_password %>'", "token: \"xxxx-xxxx-xxxx\"", "SENTRY_DSN=https://****@o0.ingest.sentry.io/0",
  "Authorization: Bearer [FILTERED]", "client_secret: '***'")
n("source-code", "    return requests.post(url, auth=(user, password))", "    if not token or token.startswith('Bearer '):", "    self._secret = secret",
  "    key = Fernet.generate_key()", "    SECRET_KEY = os.urandom(32)", "  password: ${{ secrets.DB_PASSWORD }}")
n("identifier", "org-" + al(24), "acct_" + al(16), "ch_" + al(24) + " refunded", "MessageId: " + uid(), "ETag: \"" + hx(32) + "\"",
  "Content-MD5: " + b64(22) + "==", "x-goog-hash: crc32c=" + b64(6) + "==", "RequestId: " + up(16))

# --- batch 12: written after batch 11 and measured before any fix (held-out check) ---------------
s("command", "docker-login-equals", "docker login --username=ci --password=" + w(pwd()) + " registry.gitlab.com")
s("command", "podman-login", "podman login -u ci -p " + w(al(24)) + " quay.io")
s("command", "helm-registry", "helm registry login ghcr.io --username bot --password " + w(gh("ghp_")))
s("command", "mysql-long-space", "mysql --host=db --user=root --password " + w(pwd()) + " shop < dump.sql")
s("command", "curl-user-equals", "curl --user=admin:" + w(pwd()) + " https://registry.example.com/v2/_catalog")
s("command", "aws-configure-profile", "aws configure set --profile ci aws_secret_access_key " + w(aws_secret()))
s("command", "secret-flag-eq", "tool sync --secret=" + w(b64u(32)) + " --dry-run")
s("command", "token-flag-quoted", 'cli publish --token "' + w(al(36)) + '"')
s("prefix", "ghp-in-sentence", "Pushed with token " + w(gh("ghp_")) + ", please rotate it")
s("prefix", "xoxp-in-json-array", '["' + w("xoxp-" + dg(12) + "-" + dg(12) + "-" + dg(13) + "-" + hx(32)) + '"]')
s("prefix", "glpat-in-url", "https://gitlab.example.com/api/v4/projects?private_token=" + w("glpat-" + b64u(20)))
s("prefix", "sk-live-in-error", "StripeAuthenticationError: No such API key: " + w("sk_live_" + al(24)))
s("prefix", "dckr-in-log", "level=info msg=\"using Docker Hub token " + w("dckr_pat_" + b64u(27)) + "\"")
s("prefix", "npm-in-yaml", "  NPM_TOKEN: " + w(npm()))
s("prefix", "pypi-in-toml", 'password = "' + w("pypi-AgEIcHlwaS5vcmc" + b64u(70)) + '"')
s("header", "x-api-token", "X-API-Token: " + w(al(40)))
s("header", "authorization-lower-bearer", "authorization: bearer " + w(b64u(48)))
s("header", "x-goog-api-key-json", '{"x-goog-api-key": "' + w("AIza" + b64u(35)) + '"}')
s("url", "sig-param", "https://cdn.example.com/file.zip?Expires=1700000000&Signature=" + w(b64u(120)) + "&Key-Pair-Id=K" + up(12))
s("url", "telegram-bot-path", "requests.exceptions.HTTPError: 404 Client Error: Not Found for url: https://api.telegram.org/bot" + w(tg()) + "/getMe")
s("url", "password-in-url-json", '{"dsn": "postgres://app:' + w(pwd()) + '@db:5432/shop?sslmode=disable"}')
s("config", "npmrc-registry-scope", "@myorg:registry=https://npm.pkg.github.com\\n//npm.pkg.github.com/:_authToken=" + w(gh("ghp_")))
s("config", "docker-config-pretty", '      "auth": "' + w(base64.b64encode(("deploy:" + pwd()).encode()).decode()) + '"')
s("config", "netrc-multiline", "machine api.example.com\\n  login ci\\n  password " + w(al(24)))
n("masked", "docker login -u ci -p ******** registry", "curl -u admin:*** https://x", "--token=REDACTED", "Authorization: token ***",
  "//registry.npmjs.org/:_authToken=npm_************************************", '"auth": "<base64>"')
n("shell-variable", "mysql --password=\"$MYSQL_PWD\" shop", "podman login -u ci -p \"${QUAY_TOKEN}\" quay.io", "aws configure set aws_secret_access_key \"${{ secrets.AWS_SECRET }}\"",
  "curl --user=admin:$(cat /run/secrets/admin) https://x", "echo ${{ secrets.CR_PAT }} | docker login ghcr.io -u bot --password-stdin")
n("harmless-name", "keyPrefix=orders:", "partitionKey=tenant-7", "rowKey=2026-03-01", "apiKeyName=ci-deploy", "tokenLifetime=PT1H",
  "secretMountPath=/run/secrets", "passwordResetUrl=https://shop.example.com/reset")

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "..", "gate-report", "src", "test", "resources", "redact")
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "secrets.txt"), "w") as f:
    f.write("# family\tformat\tline (secrets between « and »; \\n = line break). Fake values: bench/redaction-corpus-gen.py\n")
    for fam, fmt, line in S: f.write(f"{fam}\t{fmt}\t{line}\n")
with open(os.path.join(out, "lookalikes.txt"), "w") as f:
    f.write("# class\tline (must stay unchanged). Written by bench/redaction-corpus-gen.py\n")
    for cls, line in L: f.write(f"{cls}\t{line}\n")
nsec = sum(l.count("«") for _, _, l in S)
print(f"{nsec} secrets in {len(S)} lines, {len(set(f for _, f, _ in S))} formats; {len(L)} look-alikes")
