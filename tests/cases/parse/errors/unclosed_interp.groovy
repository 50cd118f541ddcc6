echo "Deploying ${env.BRANCH_NAME to prod"
sh "deploy"
