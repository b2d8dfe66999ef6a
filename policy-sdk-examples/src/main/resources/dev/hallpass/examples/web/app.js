// Hallpass messaging demo: checks the draft as the sender types, shows the policy tip, highlights
// the evidence (UTF-16 offsets, as JavaScript indexes strings) and offers the route the policy
// gives. The server re-checks on /send, so this page only makes the answer visible early.
// Typed text is only ever put into the page as text nodes, never as HTML.
// The page keeps a clock in the school's timezone (from /config): "now" by default, or a date and
// time the user sets, so a try-out in the evening can still see what a school-day post gets.
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
    summary: el('summary'), reasons: el('reasons'), reasonsHeading: el('reasons-heading'),
    reasonList: el('reason-list'), rewrite: el('rewrite'),
    route: el('route'), send: el('send'), status: el('status'),
    sent: el('sent'), sentChannel: el('sent-channel'), school: el('school'),
    clockNow: el('clock-now'), clockReal: el('clock-real'), clockFixed: el('clock-fixed'),
    clockAt: el('clock-at'), clockSchoolHours: el('clock-school-hours'),
  };

  let config = { classes: [], timezone: 'UTC', workingHours: null, closedDates: [] };
  let generation = 0; // bumped on every edit, so an answer for an older draft is dropped
  let timer = null;
  let counter = 0;
  let checked = null; // { key, decision } for the draft the Send button currently reflects

  const query = new URLSearchParams(location.search);
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

  // Not d.sentAt: with the clock on "now" it moves on between checking and sending (the server
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
    ui.summary.textContent = '';
    ui.summary.className = '';
    ui.summary.hidden = true;
    ui.reasonList.textContent = '';
    ui.reasons.hidden = true;
    clearRewrite();
    clearRoute();
    renderMirror(ui.text.value, []);
    markAttachment(false);
    ui.send.disabled = true;
  }

  function showProblem(message) {
    showNothing();
    ui.status.textContent = message;
  }

  // The summary (contract 7.2: one tip that leads with what to do) first; each clause's own tip
  // under it, collapsed. The <details> keeps whatever the user last chose while they type.
  function showDecision(d, decision) {
    const reasons = decision.reasons.filter((r) => !r.shadow);
    const summary = decision.message || (reasons.length ? reasons[0].message : '');
    ui.summary.textContent = summary;
    ui.summary.className = decision.outcome;
    ui.summary.hidden = summary === '';
    ui.reasonList.textContent = '';
    for (const r of reasons) {
      const li = document.createElement('li');
      li.className = 'tip ' + r.outcome;
      li.dataset.clause = r.clause;
      const clause = document.createElement('span');
      clause.className = 'clause';
      clause.textContent = 'Policy ' + r.clause;
      const message = document.createElement('span');
      message.className = 'message';
      message.textContent = r.message;
      li.append(clause, message);
      ui.reasonList.appendChild(li);
    }
    ui.reasonsHeading.textContent = reasons.length === 1 ? 'Why: 1 reason' : 'Why: ' + reasons.length + ' reasons';
    ui.reasons.hidden = reasons.length === 0;
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
    showRewrite(d, decision);
    showRoute(decision);
    const allowed = decision.outcome === 'ALLOW' || decision.outcome === 'WARN';
    ui.send.disabled = !allowed;
    ui.status.textContent = statusLine(d, decision);
  }

  // ---- the rewrite the engine offers ------------------------------------------------------

  function clearRewrite() {
    ui.rewrite.textContent = '';
    ui.rewrite.hidden = true;
  }

  // Offered only when the decision has one (contract 7.2: names or contact details in a shared
  // channel were the only problem, and the engine checked the rewritten text is allowed). Clicking
  // puts the rewritten text in the draft box and checks it again; the sender reads it and presses
  // Send themselves: nothing is posted in their name that they have not seen.
  function showRewrite(d, decision) {
    clearRewrite();
    const rewrite = decision.rewrite;
    if (!rewrite || typeof rewrite.text !== 'string') return;
    const kinds = rewrite.replaced.map((e) => e.kind);
    const names = kinds.filter((k) => k === 'CHILD_NAME').length;
    const contacts = kinds.length - names;
    let label;
    if (contacts === 0) label = names === 1 ? 'Post without the name' : 'Post without the names';
    else if (names === 0) label = contacts === 1 ? 'Post without the contact detail' : 'Post without the contact details';
    else label = 'Post without the names and contact details';
    const offer = button(label, () => {
      ui.text.value = rewrite.text;
      changedNow();
      ui.text.focus();
      ui.status.textContent = 'Checking the new wording…';
    });
    offer.id = 'rewrite-offer';
    offer.setAttribute('aria-describedby', 'rewrite-preview');
    const preview = document.createElement('span');
    preview.className = 'preview';
    preview.id = 'rewrite-preview';
    preview.textContent = 'It would read: ' + rewrite.text;
    ui.rewrite.append(offer, preview);
    ui.rewrite.hidden = false;
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
        + (m.attachments.length ? ' · 📷' : '') + ' · ' + clockLabel(Date.parse(m.sentAt));
      const text = document.createElement('span');
      text.className = 'text';
      text.textContent = m.text;
      li.append(meta, text);
      ui.sent.appendChild(li);
    }
  }

  // ---- the school's clock ------------------------------------------------------------------
  // Times are read and set in the school's timezone (config.timezone), never the browser's: a
  // parent abroad, or a test browser in another zone, sees and sets the time the school sees.

  const DAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];
  const SCHOOL_HOURS_TIME = '10:15';
  let partsFormat = null;
  let labelFormat = null;

  function useTimezone(timezone) {
    partsFormat = new Intl.DateTimeFormat('en-GB', {
      timeZone: timezone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    labelFormat = new Intl.DateTimeFormat('en-GB', {
      timeZone: timezone, hourCycle: 'h23', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric',
      hour: '2-digit', minute: '2-digit',
    });
  }

  // "Tue 24 Nov 2026, 10:15" in the school's timezone, assembled from parts so the punctuation does
  // not depend on the browser's version of the locale data.
  function clockLabel(ms) {
    if (!labelFormat || Number.isNaN(ms)) return '';
    const p = {};
    for (const part of labelFormat.formatToParts(new Date(ms))) p[part.type] = part.value;
    return p.weekday + ' ' + p.day + ' ' + p.month + ' ' + p.year + ', ' + pad(Number(p.hour) % 24) + ':' + p.minute;
  }

  // The school's wall-clock reading of an instant (milliseconds since the epoch).
  function schoolParts(ms) {
    const p = {};
    for (const part of partsFormat.formatToParts(new Date(ms))) p[part.type] = part.value;
    const hour = Number(p.hour) % 24; // some engines said "24" for midnight
    return {
      year: Number(p.year), month: Number(p.month), day: Number(p.day), hour, minute: Number(p.minute),
      second: Number(p.second),
    };
  }

  // Milliseconds the school's clock is ahead of UTC at that instant.
  function zoneOffset(ms) {
    const p = schoolParts(ms);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000;
  }

  // The instant the school's clock reads "YYYY-MM-DDTHH:MM"; a time skipped when the clocks go
  // forward is moved on by the gap (as java.time does); one that happens twice when they go back
  // takes the later reading. Null when the text is not such a date and time.
  function fromSchoolTime(text) {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(text || '');
    if (!m) return null;
    const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
    if (Number.isNaN(wall)) return null;
    let t = wall - zoneOffset(wall);
    const again = zoneOffset(t);
    if (again !== wall - t) t = wall - again; // the offset changed between the guess and the answer
    return t;
  }

  const pad = (n) => String(n).padStart(2, '0');
  const dateText = (p) => p.year + '-' + pad(p.month) + '-' + pad(p.day);
  // For <input type="datetime-local">: the school's wall-clock time, to the minute.
  const schoolTimeText = (ms) => { const p = schoolParts(ms); return dateText(p) + 'T' + pad(p.hour) + ':' + pad(p.minute); };

  const minutesOf = (hhmm) => { const [h, m] = hhmm.split(':').map(Number); return h * 60 + m; };
  const weekdayOf = (p) => DAYS[new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay()];
  const isClosed = (date) => config.closedDates.some((r) => r.from <= date && date <= r.to);
  const isSchoolDay = (p) => config.workingHours.days.includes(weekdayOf(p)) && !isClosed(dateText(p));

  // Only for what the page shows; the server decides what counts as working hours.
  function isSchoolTime(ms) {
    if (!config.workingHours) return false;
    const p = schoolParts(ms);
    const minute = p.hour * 60 + p.minute;
    return isSchoolDay(p) && minutesOf(config.workingHours.start) <= minute && minute < minutesOf(config.workingHours.end);
  }

  // "During school hours": now if school is open now, else 10:15 (or opening time, if 10:15 is
  // outside the hours) on the next day school is open, today included when it has not opened yet.
  function nextSchoolTime(now) {
    if (!config.workingHours || config.workingHours.days.length === 0) return null;
    if (isSchoolTime(now)) return now;
    const start = minutesOf(config.workingHours.start);
    const end = minutesOf(config.workingHours.end);
    const wanted = minutesOf(SCHOOL_HOURS_TIME);
    const at = start <= wanted && wanted < end ? wanted : start;
    const today = schoolParts(now);
    for (let i = 0; i < 400; i++) {
      const day = new Date(Date.UTC(today.year, today.month - 1, today.day + i));
      const p = { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() };
      if (!isSchoolDay(p)) continue;
      const t = fromSchoolTime(dateText(p) + 'T' + pad(Math.floor(at / 60)) + ':' + pad(at % 60));
      if (t !== null && t > now) return t;
    }
    return null;
  }

  // The instant drafts are sent at: the set time, or null for "now".
  function fixedInstant() {
    return ui.clockFixed.checked ? fromSchoolTime(ui.clockAt.value) : null;
  }

  function showClock() {
    const fixed = fixedInstant();
    const ms = fixed === null ? Date.now() : fixed;
    ui.clockNow.textContent = 'School time: ' + clockLabel(ms) + ' (' + config.timezone + ')';
    if (config.workingHours) {
      const hours = document.createElement('span');
      hours.className = 'hours';
      hours.textContent = isSchoolTime(ms) ? ' · school hours'
        : isClosed(dateText(schoolParts(ms))) ? ' · the school is closed' : ' · outside school hours';
      ui.clockNow.appendChild(hours);
    }
  }

  function clockChanged() {
    if (ui.clockFixed.checked && fromSchoolTime(ui.clockAt.value) === null) {
      // "Set to" with no time yet: start from now, so the draft always has a clock it can show.
      ui.clockAt.value = schoolTimeText(Date.now());
    }
    const fixed = fixedInstant();
    ui.sentAt.value = fixed === null ? '' : new Date(fixed).toISOString();
    showClock();
    changedNow();
  }

  function setClock(ms) {
    ui.clockAt.value = schoolTimeText(ms);
    ui.clockFixed.checked = true;
    clockChanged();
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
    useTimezone(config.timezone || 'UTC');
    config.closedDates = config.closedDates || [];
    const given = Date.parse(query.get('sentAt') || '');
    if (!Number.isNaN(given)) {
      ui.clockAt.value = schoolTimeText(given);
      ui.clockFixed.checked = true;
      ui.sentAt.value = new Date(given).toISOString();
    }
    showClock();
  }

  ui.text.addEventListener('input', edited);
  ui.text.addEventListener('scroll', () => { ui.highlight.scrollTop = ui.text.scrollTop; });
  ui.channel.addEventListener('change', channelChanged);
  for (const control of [ui.role, ui.klass, ui.photo]) control.addEventListener('change', changedNow);
  ui.send.addEventListener('click', send);
  ui.clockReal.addEventListener('change', clockChanged);
  ui.clockFixed.addEventListener('change', clockChanged);
  ui.clockAt.addEventListener('change', () => { ui.clockFixed.checked = true; clockChanged(); });
  ui.clockSchoolHours.addEventListener('click', () => {
    const t = nextSchoolTime(Date.now());
    if (t === null) ui.status.textContent = 'The school has no working hours in the coming year.';
    else setClock(t);
  });
  setInterval(() => { if (partsFormat && !ui.clockFixed.checked) showClock(); }, 15000);
  window.addEventListener('resize', fitHeight);

  loadConfig().then(() => {
    document.body.dataset.ready = 'true';
    if (ui.text.value) changedNow();
    return loadSent();
  });
})();
