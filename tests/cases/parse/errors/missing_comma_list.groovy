def targets = ['linux' 'windows']
