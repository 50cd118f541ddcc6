def run(int k) {
  try {
    switch (k) {
      case 0: throw new IllegalArgumentException('iae')
      case 1: throw new IllegalStateException('ise')
      case 2: throw new UnsupportedOperationException('uoe')
    }
    'none'
  } catch (IllegalArgumentException | IllegalStateException e) {
    "multi: ${e.message}"
  } catch (e) {
    "generic: ${e.getClass().simpleName}"
  }
}
(0..3).each { println run(it) }
