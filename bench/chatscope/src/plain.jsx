// The floor: the same thread page as plain React `<li>` rows in a scrolling list, scrolled to the
// newest before the browser paints, and a textarea.
import { useLayoutEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import './plain.css';
import { loadThread } from './thread.js';

function Thread({ items }) {
  const list = useRef(null);
  useLayoutEffect(() => {
    list.current.scrollTop = list.current.scrollHeight;
  }, [items]);
  return (
    <div className="plain">
      <ul className="plain-thread" ref={list}>
        {items.map((item) => (
          <li key={item.id} data-item-id={item.id} className={item.kind}>
            <b>{item.author}</b> {item.text}
          </li>
        ))}
      </ul>
      <textarea placeholder="Reply" />
    </div>
  );
}

loadThread().then((page) => createRoot(document.getElementById('root')).render(<Thread items={page.items} />));
