// Hallpass messaging demo: checks the draft as the sender types, shows the policy tip, highlights
// the evidence (UTF-16 offsets, as JavaScript indexes strings) and offers the route the policy
// gives. The server re-checks on /send, so this page only makes the answer visible early.
// Typed text is only ever put into the page as text nodes, never as HTML.
'use strict';

(() => {
  const DEBOUNCE_MS = 300;
  const CHANNELS = {
    CLASS_CHAT: 'class chat',
    PRIVATE_CHAT: 'private chat',
    CLASS_STORY: 'the class story',
    SCHOOL_STORY: 'the school story',
  };
  const el = (id) => document.getElementById(id);
  const ui = {
    channel: el('channel'), role: el('role'), klass: el('class'), photo: el('photo'),
    text: el('text'), highlight: el('highlight'), attachment: el('attachment'), sentAt: el('sentAt'),
    tip: el('tip'), route: el('route'), send: el('send'), status: el('status'),
    sent: el('sent'), sentChannel: el('sent-channel'), school: el('school'),
  };

  let config = { classes: [] };
  let generation = 0; // bumped on every edit, so an answer for an older draft is dropped
  let timer = null;
  let counter = 0;
  let checked = null; // { key, decision } for the draft the Send button currently reflects

  const query = new URLSearchParams(location.search);
  if (query.get('sentAt')) ui.sentAt.value = query.get('sentAt');
  if (query.get('channel') && CHANNELS[query.get('channel')]) ui.channel.value = query.get('channel');
  if (query.get('role')) ui.role.value = query.get('role');

  // ---- the draft -------------------------------------------------------------------------

  function draft() {
    const role = ui.role.value;
    const classId = ui.klass.value || undefined;
    const schoolClass = config.classes.find((c) => c.id === classId);
    const sender = { role };
    // Stand-in for a signed-in user: a teacher is the class's own teacher, a parent a demo parent.
    if (role === 'TEACHER' && schoolClass && schoolClass.teachers.length) sender.id = schoolClass.teachers[0];
    if (role === 'PARENT') sender.id = 'p-demo';
    return {
      id: 'web-' + Date.now().toString(36) + '-' + (++counter),
      channel: ui.channel.value,
      sender,
      classId,
      text: ui.text.value,
      attachments: ui.photo.checked ? [{ type: 'PHOTO', name: 'photo.jpg' }] : [],
      sentAt: ui.sentAt.value || new Date().toISOString(),
    };
  }

  // Not d.sentAt: with the browser's clock it moves on between checking and sending (the server
  // checks again on /send, so a draft that crossed into the evening is still deferred).
  const keyOf = (d) => JSON.stringify([d.channel, d.sender, d.classId, d.text, d.attachments, ui.sentAt.value]);
  const isEmpty = (d) => d.text.trim() === '' && d.attachments.length === 0;

  async function postJson(path, body) {
    const res = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  }

  // ---- checking as the sender types ------------------------------------------------------

  function edited() {
    generation++;
    checked = null;
    ui.send.disabled = true;
    fitHeight();
    renderMirror(ui.text.value, []);
    ui.attachment.hidden = !ui.photo.checked;
    clearTimeout(timer);
    timer = setTimeout(check, DEBOUNCE_MS);
  }

  function changedNow() {
    edited();
    clearTimeout(timer);
    check();
  }

  async function check() {
    const d = draft();
    const mine = ++generation;
    if (isEmpty(d)) {
      showNothing();
      ui.status.textContent = '';
      return;
    }
    ui.status.textContent = 'Checking…';
    try {
      const { status, body } = await postJson('/evaluate', d);
      if (mine !== generation) return; // the draft changed while we waited
      if (status !== 200) {
        showProblem(body.error || 'The draft could not be checked.');
        return;
      }
      checked = { key: keyOf(d), decision: body };
      showDecision(d, body);
    } catch (e) {
      if (mine === generation) showProblem('The server could not be reached.');
    }
  }

  // ---- showing a decision ----------------------------------------------------------------

  function showNothing() {
    checked = null;
    ui.tip.textContent = '';
    clearRoute();
    renderMirror(ui.text.value, []);
    markAttachment(false);
    ui.send.disabled = true;
  }

  function showProblem(message) {
    showNothing();
    ui.status.textContent = message;
  }

  function showDecision(d, decision) {
    const reasons = decision.reasons.filter((r) => !r.shadow);
    ui.tip.textContent = '';
    for (const r of reasons) {
      const p = document.createElement('p');
      p.className = 'tip ' + r.outcome;
      p.dataset.clause = r.clause;
      p.textContent = r.message;
      ui.tip.appendChild(p);
    }
    const spans = [];
    let photoFlagged = false;
    for (const r of reasons) {
      for (const e of r.evidence) {
        if (typeof e.start === 'number') spans.push({ start: e.start, end: e.end, kind: e.kind, clause: r.clause });
        if (typeof e.attachment === 'number') photoFlagged = true;
      }
    }
    renderMirror(d.text, spans);
    markAttachment(photoFlagged);
    showRoute(decision);
    const allowed = decision.outcome === 'ALLOW' || decision.outcome === 'WARN';
    ui.send.disabled = !allowed;
    ui.status.textContent = statusLine(d, decision);
  }

  function statusLine(d, decision) {
    const deferred = decision.obligations.includes('DEFER_UNTIL_WORKING_HOURS');
    switch (decision.outcome) {
      case 'ALLOW': return 'Ready to send.';
      case 'WARN': return deferred ? 'You can send this; it will be delivered on the next working day.'
                                   : 'You can send this; please read the tip first.';
      case 'REDIRECT': return 'This can\'t go to ' + CHANNELS[d.channel] + '.';
      default: return 'This can\'t be sent.';
    }
  }

  // The mirror holds the same text as the textarea, with <mark class="evidence"> around each
  // evidence span. Overlapping spans are cut at every boundary so marks never nest.
  function renderMirror(text, spans) {
    const h = ui.highlight;
    h.textContent = '';
    const valid = spans.filter((s) => s.start >= 0 && s.start < s.end && s.end <= text.length);
    const cuts = new Set([0, text.length]);
    valid.forEach((s) => { cuts.add(s.start); cuts.add(s.end); });
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i++) {
      const from = points[i];
      const to = points[i + 1];
      const piece = text.slice(from, to);
      const covering = valid.filter((s) => s.start <= from && to <= s.end);
      if (covering.length === 0) {
        h.appendChild(document.createTextNode(piece));
        continue;
      }
      const mark = document.createElement('mark');
      mark.className = 'evidence';
      mark.dataset.kind = [...new Set(covering.map((s) => s.kind))].join(' ');
      mark.dataset.clause = [...new Set(covering.map((s) => s.clause))].join(' ');
      mark.textContent = piece;
      h.appendChild(mark);
    }
    // A final newline collapses in the mirror unless something follows it.
    if (text.endsWith('\n')) h.appendChild(document.createTextNode(' '));
    h.scrollTop = ui.text.scrollTop;
  }

  function markAttachment(flagged) {
    ui.attachment.hidden = !ui.photo.checked;
    const chip = ui.attachment.querySelector('.chip');
    chip.classList.toggle('evidence', flagged);
    if (flagged) chip.dataset.kind = 'PHOTO'; else delete chip.dataset.kind;
  }

  // ---- the route the policy offers -------------------------------------------------------

  function clearRoute() {
    ui.route.textContent = '';
    ui.route.hidden = true;
    delete ui.route.dataset.route;
  }

  function showRoute(decision) {
    clearRoute();
    if (decision.outcome !== 'REDIRECT') return;
    const reason = decision.reasons.find((r) => r.redirectTo === decision.redirectTo) || decision.reasons[0];
    ui.route.dataset.route = decision.redirectTo;
    ui.route.hidden = false;
    switch (decision.redirectTo) {
      case 'PRIVATE_CHAT':
        ui.route.appendChild(button('Send privately instead', () => {
          ui.channel.value = 'PRIVATE_CHAT';
          channelChanged();
          ui.text.focus();
        }));
        break;
      case 'PHONE_SCHOOL_OFFICE':
      case 'PHONE_SCHOOL':
      case 'PHONE_NURSING_TEAM': {
        const phone = phoneIn(reason.message);
        ui.route.appendChild(document.createTextNode('Please phone instead'));
        if (phone) {
          ui.route.appendChild(document.createTextNode(': '));
          const a = document.createElement('a');
          a.href = 'tel:' + phone.replace(/[^\d+]/g, '');
          a.className = 'phone';
          a.textContent = phone;
          ui.route.appendChild(a);
        }
        ui.route.appendChild(document.createTextNode('.'));
        break;
      }
      case 'EVIDENCE_FOR_LEARNING':
        ui.route.appendChild(document.createTextNode('Share the photo the way the tip says. '));
        ui.route.appendChild(button('Remove the photo', () => {
          ui.photo.checked = false;
          changedNow();
        }));
        break;
      default:
        ui.route.appendChild(document.createTextNode('See the tip for where to send this instead.'));
    }
  }

  function button(label, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', onClick);
    return b;
  }

  // The tip carries the profile's phone number ("... on 01632 960000."); at least 8 digits, so
  // clause numbers and times never match.
  function phoneIn(message) {
    const m = message.match(/\+?\d[\d ]{6,}\d/);
    return m ? m[0] : null;
  }

  // ---- sending ---------------------------------------------------------------------------

  async function send() {
    const d = draft();
    if (!checked || checked.key !== keyOf(d)) return; // the button should be disabled anyway
    ui.send.disabled = true;
    ui.status.textContent = 'Sending…';
    try {
      const { status, body } = await postJson('/send', d);
      if (status === 200) {
        ui.text.value = '';
        ui.photo.checked = false;
        generation++;
        fitHeight();
        showNothing();
        ui.status.textContent = body.sent.deferred
          ? 'Sent. It will be delivered on the next working day.'
          : 'Sent.';
        await loadSent();
      } else if (status === 409) {
        checked = { key: keyOf(d), decision: body };
        showDecision(d, body);
        ui.status.textContent = 'Not sent. ' + statusLine(d, body);
      } else {
        showProblem(body.error || 'Not sent.');
      }
    } catch (e) {
      showProblem('Not sent: the server could not be reached.');
    }
  }

  async function loadSent() {
    const channel = ui.channel.value;
    ui.sentChannel.textContent = CHANNELS[channel];
    const res = await fetch('/messages?channel=' + encodeURIComponent(channel));
    const body = await res.json();
    if (ui.channel.value !== channel) return;
    ui.sent.textContent = '';
    for (const m of body.messages) {
      const li = document.createElement('li');
      li.dataset.id = m.id;
      if (m.deferred) li.className = 'deferred';
      const meta = document.createElement('span');
      meta.className = 'meta';
      meta.textContent = m.sender.role.toLowerCase().replace('_', ' ') + (m.classId ? ' · ' + m.classId : '')
        + (m.attachments.length ? ' · 📷' : '');
      const text = document.createElement('span');
      text.className = 'text';
      text.textContent = m.text;
      li.append(meta, text);
      ui.sent.appendChild(li);
    }
  }

  // ---- wiring ----------------------------------------------------------------------------

  function fitHeight() {
    ui.text.style.height = 'auto';
    ui.text.style.height = ui.text.scrollHeight + 'px';
  }

  function channelChanged() {
    changedNow();
    loadSent();
  }

  async function loadConfig() {
    try {
      const res = await fetch('/config');
      config = await res.json();
    } catch (e) {
      config = { classes: [] };
    }
    if (config.school) ui.school.textContent = config.school + ': every draft is checked against the school\'s acceptable use policy as you type.';
    ui.klass.textContent = '';
    for (const c of config.classes) {
      const o = document.createElement('option');
      o.value = c.id;
      o.textContent = c.name;
      ui.klass.appendChild(o);
    }
    if (config.classes.length === 0) {
      const o = document.createElement('option');
      o.value = '';
      o.textContent = '(none)';
      ui.klass.appendChild(o);
    }
    if (query.get('class')) ui.klass.value = query.get('class');
  }

  ui.text.addEventListener('input', edited);
  ui.text.addEventListener('scroll', () => { ui.highlight.scrollTop = ui.text.scrollTop; });
  ui.channel.addEventListener('change', channelChanged);
  for (const control of [ui.role, ui.klass, ui.photo]) control.addEventListener('change', changedNow);
  ui.send.addEventListener('click', send);
  window.addEventListener('resize', fitHeight);

  loadConfig().then(() => {
    document.body.dataset.ready = 'true';
    if (ui.text.value) changedNow();
    return loadSent();
  });
})();
