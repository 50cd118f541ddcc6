echo "price: $ 5"
