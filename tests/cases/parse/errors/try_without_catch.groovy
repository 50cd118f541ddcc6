try {
    sh 'make'
}
sh 'after'
