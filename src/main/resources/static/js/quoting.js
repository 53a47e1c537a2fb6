// Quote form (F5): "add line" copies the last line row with empty fields and the next index; "clear" empties a row
// (empty rows are ignored when the form is saved). While the user types, the form previews each line's net amount
// and the quote's net, tax and total; the server computes the saved amounts again when the form is saved.
(function () {
  'use strict';

  function renumber(row, index) {
    row.querySelectorAll('[name^="lines["]').forEach(function (field) {
      field.name = field.name.replace(/^lines\[\d+]/, 'lines[' + index + ']');
      if (field.id) {
        field.id = field.id.replace(/^lines\d+/, 'lines' + index);
      }
    });
    row.querySelectorAll('[data-testid^="line-"]').forEach(function (element) {
      element.setAttribute('data-testid', element.getAttribute('data-testid').replace(/^line-\d+/, 'line-' + index));
    });
  }

  function clear(row) {
    row.querySelectorAll('input, select').forEach(function (field) {
      field.value = '';
      field.classList.remove('is-invalid');
    });
    row.querySelectorAll('.invalid-feedback').forEach(function (feedback) {
      feedback.remove();
    });
  }

  // --- Live totals: the same arithmetic as QuoteArithmetic, in exact decimals (BigInt scaled by 10^scale) --------
  // A line's net is quantity × unit price × (100 − discount) / 100, rounded HALF_UP to the cent once; its tax is
  // net × rate / 100, rounded HALF_UP to the cent; the totals are sums of the rounded lines.

  // An empty field is null; a number the server would refuse (sign, exponent, too many decimals) is undefined.
  function decimal(text, maxScale) {
    var value = (text || '').trim();
    if (value === '') {
      return null;
    }
    var match = /^\+?(\d*)(?:\.(\d*))?$/.exec(value);
    if (!match || (match[1] === '' && !match[2])) {
      return undefined;
    }
    var fraction = match[2] || '';
    if (fraction.length > maxScale) {
      return undefined;
    }
    while (fraction.length < maxScale) {
      fraction += '0';
    }
    return BigInt((match[1] || '0') + fraction);
  }

  function pow10(n) {
    return BigInt('1' + '0'.repeat(n));
  }

  // value has scale `from` (> 2); the result has scale 2, rounded HALF_UP (values here are never negative)
  function cents(value, from) {
    var divisor = pow10(from - 2);
    var quotient = value / divisor;
    return (value % divisor) * 2n >= divisor ? quotient + 1n : quotient;
  }

  function format(amount) {
    var whole = (amount / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    var fraction = (amount % 100n).toString().padStart(2, '0');
    return whole + '.' + fraction;
  }

  function field(row, name) {
    var element = row.querySelector('[data-line-' + name + ']');
    return element ? element.value : '';
  }

  // {blank}, {net, tax} in cents, {invalid} or {pricedOnSave} (the price comes from the price list when saved)
  function line(row, priceListChosen) {
    var productSelect = row.querySelector('[data-line-product]');
    var product = productSelect && productSelect.value ? productSelect.selectedOptions[0] : null;
    var description = row.querySelector('[name$=".description"]');
    if (!product && ['quantity', 'unit-price', 'discount', 'tax-rate'].every(function (name) {
      return field(row, name).trim() === '';
    }) && (!description || description.value.trim() === '')) {
      return {blank: true};
    }
    var quantity = decimal(field(row, 'quantity'), 3);
    var price = decimal(field(row, 'unit-price'), 2);
    var discount = decimal(field(row, 'discount'), 2);
    var rate = decimal(field(row, 'tax-rate'), 2);
    if (price === null && product && !priceListChosen) {
      price = decimal(product.getAttribute('data-list-price'), 2);
    }
    if (rate === null && product) {
      rate = decimal(product.getAttribute('data-tax-rate'), 2);
    }
    if (discount === null) {
      discount = 0n;
    }
    if (!quantity || quantity <= 0n || discount === undefined || discount > 10000n || rate === undefined
        || rate === null || rate > 10000n || price === undefined) {
      return {invalid: true};
    }
    if (price === null) {
      return product ? {pricedOnSave: true} : {invalid: true};
    }
    // quantity (scale 3) × price (2) × (100 − discount) (2) / 100: scale 9
    var net = cents(quantity * price * (10000n - discount), 9);
    // net (2) × rate (2) / 100: scale 6
    var tax = cents(net * rate, 6);
    return {net: net, tax: tax};
  }

  function updateTotals(form) {
    var priceList = form.querySelector('[data-quote-price-list] select');
    var priceListChosen = !!(priceList && priceList.value);
    var net = 0n;
    var tax = 0n;
    var complete = true;
    var pricedOnSave = false;
    form.querySelectorAll('[data-quote-line]').forEach(function (row) {
      var amounts = line(row, priceListChosen);
      var cell = row.querySelector('[data-line-net]');
      if (amounts.blank) {
        cell.textContent = '';
        return;
      }
      if (amounts.net === undefined) {
        complete = false;
        pricedOnSave = pricedOnSave || !!amounts.pricedOnSave;
        cell.textContent = '—';
        return;
      }
      cell.textContent = format(amounts.net);
      net += amounts.net;
      tax += amounts.tax;
    });
    var currency = form.getAttribute('data-currency');
    form.querySelector('[data-total-net]').textContent = complete ? format(net) : '—';
    form.querySelector('[data-total-tax]').textContent = complete ? format(tax) : '—';
    form.querySelector('[data-total-grand]').textContent = complete ? (currency ? currency + ' ' : '') + format(net + tax)
      : '—';
    var note = form.querySelector('[data-totals-priced-on-save]');
    if (note) {
      note.classList.toggle('d-none', !pricedOnSave);
    }
  }

  function recalculate(target) {
    var form = target && target.closest ? target.closest('[data-quote-totals]') : null;
    if (form) {
      updateTotals(form);
    }
  }

  document.addEventListener('input', function (event) {
    recalculate(event.target);
  });
  document.addEventListener('change', function (event) {
    recalculate(event.target);
  });

  document.addEventListener('click', function (event) {
    var add = event.target.closest ? event.target.closest('[data-quote-line-add]') : null;
    if (add) {
      var body = document.getElementById('quote-line-rows');
      var rows = body.querySelectorAll('[data-quote-line]');
      if (rows.length === 0) {
        return;
      }
      var copy = rows[rows.length - 1].cloneNode(true);
      clear(copy);
      renumber(copy, rows.length);
      body.appendChild(copy);
      recalculate(body);
      return;
    }
    var button = event.target.closest ? event.target.closest('[data-quote-line-clear]') : null;
    if (button) {
      var row = button.closest('[data-quote-line]');
      clear(row);
      recalculate(row);
    }
  });

  document.querySelectorAll('[data-quote-totals]').forEach(updateTotals);
})();
