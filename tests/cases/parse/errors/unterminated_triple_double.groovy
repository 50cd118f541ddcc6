sh """
  make all
  make test
