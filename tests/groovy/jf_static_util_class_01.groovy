class Utils {
  static final String PREFIX = 'ci'
  static String tag(String s) { "${PREFIX}-${s}" }
  static List<String> tagAll(List<String> xs) { xs.collect { tag(it) } }
  private static int secret() { 42 }
  static int reveal() { secret() }
}
println Utils.tag('x')
println Utils.tagAll(['a', 'b'])
println Utils.reveal()
println Utils.PREFIX.length()
def t = Utils.&tag
println t('ref')
