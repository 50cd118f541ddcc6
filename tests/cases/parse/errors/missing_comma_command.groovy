git branch: 'main' url: 'https://example.com/repo.git'
