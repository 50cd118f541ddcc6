import java.util.regex.Pattern
def secrets = ['s3cr3t', 'tok.en']
def mask(String text, List secrets) {
  secrets.inject(text) { acc, s -> acc.replace(s, '****') }
}
println mask('login with s3cr3t and tok.en', secrets)
println mask('tokXen stays', secrets)
def maskRegex(String text, List secrets) {
  secrets.inject(text) { acc, s -> acc.replaceAll(Pattern.quote(s), '****') }
}
println maskRegex('tokXen and tok.en', secrets)
def url = 'https://user:pa$$@host/repo.git'
println url.replaceAll(/\/\/[^@]+@/, '//***@')
