node {
    if (params.DEPLOY) {
        sh 'deploy'
    }
    }
    else {
        echo 'skipped'
    }
}
