def script = $/
  echo $HOME
