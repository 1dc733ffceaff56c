/*
 * Try the bot: sends what the staff member writes or presses to /try/send and shows the
 * transcript from /try/messages, polled every second. Everything the bot or a person
 * wrote is put on the page as text (textContent), never as markup.
 */
(function () {
  'use strict';

  var root = document.getElementById('try-chat');
  if (!root) {
    return;
  }
  var log = document.getElementById('try-log');
  var form = document.getElementById('try-form');
  var input = document.getElementById('try-text');
  var reset = document.getElementById('try-reset');
  var problem = document.getElementById('try-problem');
  var sendUrl = root.dataset.sendUrl;
  var messagesUrl = root.dataset.messagesUrl;
  var csrfHeader = root.dataset.csrfHeader;
  var csrfToken = root.dataset.csrf;
  var lastId = 0;
  var polling = false;

  function showProblem(visible) {
    problem.hidden = !visible;
    problem.textContent = visible ? root.dataset.error : '';
  }

  function isWebLink(url) {
    return typeof url === 'string' && /^https?:\/\//i.test(url);
  }

  function choiceElement(choice) {
    if (choice.url) {
      if (!isWebLink(choice.url)) {
        return null;
      }
      var link = document.createElement('a');
      link.className = 'button';
      link.href = choice.url;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      link.textContent = choice.label;
      return link;
    }
    if (!choice.action) {
      return null;
    }
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = choice.label;
    button.addEventListener('click', function () {
      send({ choice: choice.action, label: choice.label });
    });
    return button;
  }

  function render(message) {
    var bubble = document.createElement('div');
    bubble.className = 'bubble ' + (message.from === 'me' ? 'me' : 'bot');
    (message.parts || []).forEach(function (part) {
      if (part.strong) {
        var strong = document.createElement('strong');
        strong.textContent = part.text;
        bubble.appendChild(strong);
      } else {
        bubble.appendChild(document.createTextNode(part.text));
      }
    });
    (message.choices || []).forEach(function (row) {
      var line = document.createElement('div');
      line.className = 'choices';
      row.forEach(function (choice) {
        var element = choiceElement(choice);
        if (element) {
          line.appendChild(element);
        }
      });
      if (line.childNodes.length > 0) {
        bubble.appendChild(line);
      }
    });
    log.appendChild(bubble);
  }

  function poll() {
    if (polling) {
      return;
    }
    polling = true;
    fetch(messagesUrl + '?after=' + encodeURIComponent(lastId), {
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json' }
    }).then(function (response) {
      if (!response.ok || response.redirected) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    }).then(function (messages) {
      if (messages.length > 0) {
        messages.forEach(function (message) {
          render(message);
          lastId = Math.max(lastId, message.id);
        });
        log.scrollTop = log.scrollHeight;
      }
      showProblem(false);
    }).catch(function () {
      showProblem(true);
    }).finally(function () {
      polling = false;
    });
  }

  function send(body) {
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    headers[csrfHeader] = csrfToken;
    return fetch(sendUrl, {
      method: 'POST',
      credentials: 'same-origin',
      headers: headers,
      body: JSON.stringify(body)
    }).then(function (response) {
      if (!response.ok || response.redirected) {
        throw new Error('HTTP ' + response.status);
      }
      showProblem(false);
      poll();
    }).catch(function () {
      showProblem(true);
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (text.length === 0) {
      return;
    }
    input.value = '';
    send({ text: text });
    input.focus();
  });

  reset.addEventListener('click', function () {
    send({ text: '/cancelar' });
  });

  poll();
  window.setInterval(poll, 1000);
}());
