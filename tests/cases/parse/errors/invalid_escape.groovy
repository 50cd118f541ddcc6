sh "grep \d+ file"
