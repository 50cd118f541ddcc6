try {
    sh 'make'
} catch err) {
    echo 'failed'
}
