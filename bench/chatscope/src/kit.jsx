// The thread as a team would build it with @chatscope/chat-ui-kit-react: every message of the
// thread page (fetched from the bench's loopback server, shaped like the widget's thread page) in
// a MessageList, which scrolls to the newest, above a MessageInput. Customer text is given as
// text (`type: 'text'`), never as the kit's default HTML.
import { ChatContainer, MainContainer, Message, MessageInput, MessageList } from '@chatscope/chat-ui-kit-react';
import '@chatscope/chat-ui-kit-styles/dist/default/styles.min.css';
import { createRoot } from 'react-dom/client';
import { loadThread } from './thread.js';

function Thread({ items }) {
  return (
    <div style={{ height: 600 }}>
      <MainContainer>
        <ChatContainer>
          <MessageList>
            {items.map((item) => (
              <Message
                key={item.id}
                data-item-id={item.id}
                model={{ type: 'text', message: item.text, sender: item.author, direction: item.kind === 'inbound' ? 'incoming' : 'outgoing', position: 'single' }}
              />
            ))}
          </MessageList>
          <MessageInput placeholder="Reply" attachButton={false} />
        </ChatContainer>
      </MainContainer>
    </div>
  );
}

loadThread().then((page) => createRoot(document.getElementById('root')).render(<Thread items={page.items} />));
